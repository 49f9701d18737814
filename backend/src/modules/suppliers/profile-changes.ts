import type { SupplierProfile } from './supplier.entities';

/** The fields of each step, for the audit summary (what changed, not every value). */
export function changedFields(before: object, after: object): string[] {
  const was = before as Record<string, unknown>;
  return Object.entries(after)
    .filter(([k, v]) => JSON.stringify(was[k] ?? null) !== JSON.stringify(v ?? null))
    .map(([k]) => k);
}

/** Declared facts a platform admin's verdict is about; contact details, coverage and classes are not among them. */
const VERIFIED_FACTS = new Set([
  'personType',
  'legalName',
  'nit',
  'checkDigit',
  'legalRepresentative',
  'domicileMunicipality',
  'supplierType',
  'sector',
  'incomeCop',
  'incomeYear',
  'constitutedOn',
  'womenLed',
  'tieBreak',
  'acfc',
  'rupNumber',
  'rupExpiresOn',
  'nationalProducts',
]);

/** A verdict was about the facts as they were: when one changes, the profile is declared again until reviewed. */
export function reverification(before: SupplierProfile, changed: string[]): Partial<SupplierProfile> {
  if (before.verificationStatus === 'unverified' || !changed.some((f) => VERIFIED_FACTS.has(f))) return {};
  return { verificationStatus: 'unverified', verificationReason: null, verificationDecidedAt: null, verificationDecidedBy: null };
}
