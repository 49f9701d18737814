/** Roles a user holds within one organization. */
export const ROLES = ['buyer_admin', 'buyer', 'supplier_admin', 'supplier_member', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles of a supplier organization's people, and of a buyer's. */
export const SUPPLIER_ROLES = ['supplier_admin', 'supplier_member'] as const satisfies readonly Role[];
export const BUYER_ROLES = ['buyer_admin', 'buyer'] as const satisfies readonly Role[];
