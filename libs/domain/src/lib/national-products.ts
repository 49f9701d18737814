/**
 * Registro de Productores de Bienes Nacionales (RPBN): a registration lasts one year (Decreto 2680 de
 * 2009, RULES.md §4). A product whose registration has expired is still listed but never counts as
 * national industry.
 */
export function rpbnExpired(expiresOn: string, today: string): boolean {
  return expiresOn < today;
}
