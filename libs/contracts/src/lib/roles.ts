/** Roles a user holds within one organization. */
export const ROLES = ['buyer_admin', 'buyer', 'supplier_admin', 'supplier_member', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
