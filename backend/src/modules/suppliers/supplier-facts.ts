/**
 * Whether a supplier counts as a mipyme, over `supplier_profiles p LEFT JOIN supplier_size_classifications c`:
 * its size classification says so, and a cooperative counts as one (Ley 2069 de 2020 art. 23).
 */
export const SUPPLIER_MIPYME_SQL = `coalesce(c.mipyme, p.supplier_type = 'cooperative', false)`;
