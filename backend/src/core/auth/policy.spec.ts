import { AuthContext, MembershipView } from './auth-context';
import { Decision, Policy, decide } from './policy';

const membership = (organizationId: string, role: MembershipView['role'], status: MembershipView['status'] = 'active'): MembershipView => ({
  organizationId,
  organizationName: organizationId,
  kind: 'supplier',
  status,
  role,
});

const caller = (...memberships: MembershipView[]): AuthContext => ({
  user: { id: 'u', email: 'u@x.co', name: 'U', locale: 'es-CO' },
  session: { tokenHash: 'h', csrfToken: 'c', activeOrganizationId: null },
  memberships,
});

const orgAdmin: Policy = { roles: ['supplier_admin'], resource: { type: 'organization', param: 'organizationId' } };
const readHistory: Policy = { ...orgAdmin, roles: ['supplier_admin', 'supplier_member'], crossOrganizationRoles: ['officer', 'admin'] };
const platform: Policy = { roles: ['admin'] };
const asSupplier: Policy = { roles: ['supplier_admin', 'supplier_member'], inActiveOrganization: true };
const activeIn = (organizationId: string, auth: AuthContext): AuthContext => ({
  ...auth,
  session: { ...auth.session, activeOrganizationId: organizationId },
});

describe('decide', () => {
  it.each<[string, Policy, AuthContext, string | null | undefined, Decision]>([
    ['admin of the owning organization', orgAdmin, caller(membership('A', 'supplier_admin')), 'A', 'allow'],
    ['admin of another organization', orgAdmin, caller(membership('B', 'supplier_admin')), 'A', 'deny'],
    ['member without the role', orgAdmin, caller(membership('A', 'supplier_member')), 'A', 'deny'],
    ['resource that does not exist', orgAdmin, caller(membership('A', 'supplier_admin')), null, 'deny'],
    ['organization still pending approval', orgAdmin, caller(membership('A', 'supplier_admin', 'pending_approval')), 'A', 'deny'],
    ['officer reading any history', readHistory, caller(membership('O', 'officer')), 'A', 'allow'],
    ['officer without a cross-organization grant', orgAdmin, caller(membership('O', 'officer')), 'A', 'deny'],
    ['platform admin on a platform route', platform, caller(membership('P', 'admin')), undefined, 'allow'],
    ['supplier on a platform route', platform, caller(membership('A', 'supplier_admin')), undefined, 'deny'],
    ['nobody', platform, caller(), undefined, 'deny'],
    [
      'supplier acting for its active supplier',
      asSupplier,
      activeIn('S', caller(membership('S', 'supplier_member'), membership('B', 'buyer'))),
      undefined,
      'allow',
    ],
    [
      'supplier whose active organization is a buyer',
      asSupplier,
      activeIn('B', caller(membership('S', 'supplier_admin'), membership('B', 'buyer'))),
      undefined,
      'deny',
    ],
    ['supplier with no active organization', asSupplier, caller(membership('S', 'supplier_admin')), undefined, 'deny'],
  ])('%s → %s', (_who, policy, auth, owner, decision) => {
    expect(decide(policy, auth, owner)).toBe(decision);
  });
});
