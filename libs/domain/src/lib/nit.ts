/**
 * NIT (Número de Identificación Tributaria) check digit, DIAN's modulo-11 scheme.
 * RULES.md §9: weights 3, 7, 13, … applied right to left; r = sum mod 11;
 * DV = r when r ∈ {0, 1}, otherwise 11 − r.
 */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

/** Digits of a NIT as typed by people ("830.115.297"), without its check digit. */
export function normalizeNit(input: string): string {
  return input.replace(/\D/g, '');
}

/** Returns the check digit, or null when the input has no digits or more than 15. */
export function nitCheckDigit(nit: string): number | null {
  const digits = normalizeNit(nit);
  if (digits.length === 0 || digits.length > WEIGHTS.length) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * WEIGHTS[i];
  }
  const r = sum % 11;
  return r <= 1 ? r : 11 - r;
}

/** True when `checkDigit` is the DV of `nit`. */
export function isValidNit(nit: string, checkDigit: number | string): boolean {
  const expected = nitCheckDigit(nit);
  return expected !== null && String(expected) === String(checkDigit).trim();
}
