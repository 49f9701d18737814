import { OrganizationKind, initialStatus, roleFitsKind } from './organizations';
import { Role } from './roles';

describe('roleFitsKind', () => {
  it.each<[Role, OrganizationKind, boolean]>([
    ['buyer_admin', 'state_entity', true],
    ['buyer', 'state_company', true],
    ['supplier_admin', 'supplier', true],
    ['supplier_member', 'supplier', true],
    ['officer', 'oversight', true],
    ['admin', 'platform', true],
    ['buyer', 'supplier', false],
    ['supplier_admin', 'state_entity', false],
    ['admin', 'oversight', false],
    ['officer', 'platform', false],
  ])('%s in %s → %s', (role, kind, fits) => {
    expect(roleFitsKind(role, kind)).toBe(fits);
  });
});

describe('initialStatus', () => {
  it.each<[OrganizationKind, string]>([
    ['supplier', 'active'],
    ['state_entity', 'pending_approval'],
    ['state_company', 'pending_approval'],
  ])('%s starts %s', (kind, status) => {
    expect(initialStatus(kind)).toBe(status);
  });
});
