import { Role } from './roles';

export interface NavItem {
  /** Stable id; the UI looks up its label by `nav.<id>`. */
  id: string;
  path: string;
  /** 'public' items show to everyone, others only to holders of one of the roles. */
  audience: 'public' | readonly Role[];
}

/** The application's main navigation; pages add themselves here as they are built. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', audience: 'public' },
  { id: 'status', path: '/estado', audience: 'public' },
  { id: 'tenders', path: '/procesos', audience: 'public' },
  { id: 'plans', path: '/planes', audience: 'public' },
  { id: 'openData', path: '/datos-abiertos', audience: 'public' },
  { id: 'supplierProfile', path: '/proveedor/perfil', audience: ['supplier_admin', 'supplier_member'] },
  { id: 'bids', path: '/ofertas', audience: ['supplier_admin', 'supplier_member'] },
  { id: 'notifications', path: '/notificaciones', audience: ['supplier_admin', 'supplier_member'] },
  { id: 'buyerTenders', path: '/comprador/procesos', audience: ['buyer_admin', 'buyer'] },
  { id: 'buyerPlan', path: '/comprador/plan', audience: ['buyer_admin', 'buyer'] },
  { id: 'buyerProfile', path: '/organizacion/perfil-comprador', audience: ['buyer_admin', 'buyer'] },
  { id: 'directory', path: '/proveedores', audience: ['buyer_admin', 'buyer', 'officer', 'admin'] },
  { id: 'reports', path: '/informes', audience: ['officer', 'admin', 'buyer_admin', 'buyer'] },
  { id: 'members', path: '/organizacion/miembros', audience: ['buyer_admin', 'supplier_admin'] },
  { id: 'approvals', path: '/admin/organizaciones', audience: ['admin'] },
  { id: 'ruleParameters', path: '/admin/parametros', audience: ['admin'] },
  { id: 'failedJobs', path: '/admin/tareas-fallidas', audience: ['admin'] },
];

export function visibleNavItems(items: readonly NavItem[], roles: readonly Role[]): NavItem[] {
  return items.filter((item) => item.audience === 'public' || item.audience.some((r) => roles.includes(r)));
}
