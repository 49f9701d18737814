import type { Role } from '@eslabon/contracts';
import { AuthContext, activeMemberships } from './auth-context';

/**
 * Who may call a route. Without `resource`, holding one of `roles` in any active organization is
 * enough (platform admins, officers). With `resource`, the caller must hold one of `roles` in the
 * organization that owns the resource named by the route parameter `param`, unless they hold one
 * of `crossOrganizationRoles` (e.g. officers reading any entity's history).
 */
export interface Policy {
  roles: readonly Role[];
  /**
   * Without `resource`: the role must be held in the session's active organization, the one the
   * action is recorded for (a user who is also a buyer elsewhere cannot bid or ask as that buyer).
   */
  inActiveOrganization?: boolean;
  resource?: { type: string; param: string };
  crossOrganizationRoles?: readonly Role[];
}

export type Decision = 'allow' | 'deny';

/** Pure decision, given the owning organization already resolved (null: no such resource). */
export function decide(policy: Policy, auth: AuthContext, ownerOrganizationId?: string | null): Decision {
  const memberships = activeMemberships(auth);
  const holds = (roles: readonly Role[], organizationId?: string) =>
    memberships.some((m) => roles.includes(m.role) && (organizationId === undefined || m.organizationId === organizationId));
  if (!policy.resource) {
    const organizationId = policy.inActiveOrganization ? (auth.session.activeOrganizationId ?? '') : undefined;
    return holds(policy.roles, organizationId) ? 'allow' : 'deny';
  }
  if (!ownerOrganizationId) return 'deny';
  if (holds(policy.roles, ownerOrganizationId)) return 'allow';
  return policy.crossOrganizationRoles && holds(policy.crossOrganizationRoles) ? 'allow' : 'deny';
}
