import { NAV_ITEMS, NavItem, visibleNavItems } from './navigation';
import { Role } from './roles';

const items: NavItem[] = [
  { id: 'home', path: '/', audience: 'public' },
  { id: 'tenders', path: '/procesos', audience: ['buyer', 'buyer_admin'] },
  { id: 'bids', path: '/ofertas', audience: ['supplier_admin', 'supplier_member'] },
  { id: 'reports', path: '/informes', audience: ['officer', 'admin'] },
];

describe('visibleNavItems', () => {
  it.each<[string, Role[], string[]]>([
    ['anonymous', [], ['home']],
    ['buyer', ['buyer'], ['home', 'tenders']],
    ['supplier member', ['supplier_member'], ['home', 'bids']],
    ['officer', ['officer'], ['home', 'reports']],
    ['buyer and admin', ['buyer_admin', 'admin'], ['home', 'tenders', 'reports']],
  ])('%s sees %j', (_who, roles, ids) => {
    expect(visibleNavItems(items, roles).map((i) => i.id)).toEqual(ids);
  });

  it.each<[Role, boolean]>([
    ['officer', true],
    ['admin', true],
    ['buyer_admin', true],
    ['buyer', true],
    ['supplier_admin', false],
  ])('the reports dashboard shows to %s: %s', (role, shown) => {
    expect(visibleNavItems(NAV_ITEMS, [role]).some((i) => i.path === '/informes')).toBe(shown);
  });
});
