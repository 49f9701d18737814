import { Role } from './roles';

export const ORGANIZATION_KINDS = ['state_entity', 'state_company', 'supplier', 'oversight', 'platform'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** `pending_approval`: a state body that asked for access and awaits a platform admin. */
export const ORGANIZATION_STATUSES = ['pending_approval', 'active', 'rejected'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** The roles a member can hold in an organization of each kind; the first is its administrator role. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  state_entity: ['buyer_admin', 'buyer'],
  state_company: ['buyer_admin', 'buyer'],
  supplier: ['supplier_admin', 'supplier_member'],
  oversight: ['officer'],
  platform: ['admin'],
};

/** Kinds anyone may create by signing up; state bodies only request access, and the rest are created by operators. */
export const SELF_SERVICE_KINDS = ['supplier', 'state_entity', 'state_company'] as const satisfies readonly OrganizationKind[];

export function roleFitsKind(role: Role, kind: OrganizationKind): boolean {
  return ROLES_BY_KIND[kind].includes(role);
}

/** A supplier is active at once; a state body cannot self-declare and waits for approval. */
export function initialStatus(kind: OrganizationKind): OrganizationStatus {
  return kind === 'supplier' ? 'active' : 'pending_approval';
}
