import type { Locale, OrganizationKind, OrganizationStatus, Role } from '@eslabon/contracts';

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
  role: Role;
}

/** The signed-in caller, attached to the request by the auth guard. */
export interface AuthContext {
  user: { id: string; email: string; name: string; locale: Locale };
  session: { tokenHash: string; csrfToken: string; activeOrganizationId: string | null };
  memberships: MembershipView[];
}

/** The membership of the session's active organization, when it is one that grants rights. */
export function activeMembership(auth: AuthContext | undefined): MembershipView | undefined {
  return auth && activeMemberships(auth).find((m) => m.organizationId === auth.session.activeOrganizationId);
}

/** Memberships that grant rights: only in organizations that are active. */
export function activeMemberships(auth: AuthContext): MembershipView[] {
  return auth.memberships.filter((m) => m.status === 'active');
}
