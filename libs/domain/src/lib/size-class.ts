/**
 * Firm size by ordinary annual income — Decreto 957 de 2019 (art. 2 Ley 590 de 2000), RULES.md §1.
 * The only criterion is the previous year's ordinary income, converted to UVT with the UVT of the
 * same year (RULES.md: "confirm"), against the thresholds of the firm's sector. Micro is "≤ micro";
 * each next class is "> previous and ≤ its own"; above mediana is grande. The thresholds and UVT
 * values are versioned reference data passed in, never constants here, so a classification can be
 * reproduced later with the version it used.
 */

export const SECTORS = ['manufactura', 'servicios', 'comercio'] as const;
export type Sector = (typeof SECTORS)[number];

export const SIZE_CLASSES = ['micro', 'pequena', 'mediana', 'grande'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Upper bounds (inclusive), in whole UVT, of micro, pequeña and mediana for one sector. */
export interface SectorThresholds {
  micro: number;
  pequena: number;
  mediana: number;
}

/** One version of the Decreto 957 thresholds, as stored in the reference data. */
export interface SizeThresholdsVersion {
  id: string;
  validFrom: string;
  source: string;
  bySector: Record<Sector, SectorThresholds>;
}

/** The COP value of one UVT in one year (DIAN resolution). */
export interface UvtValue {
  year: number;
  cop: number;
  source: string;
}

export interface SizeInput {
  sector: Sector;
  /** Ordinary income of `incomeYear`, whole COP. */
  incomeCop: number;
  incomeYear: number;
}

export interface SizeClassification {
  sizeClass: SizeClass;
  sector: Sector;
  incomeCop: number;
  incomeYear: number;
  uvt: UvtValue;
  thresholdsVersionId: string;
  /** The class's bounds in UVT: `from` exclusive (null for micro), `to` inclusive (null for grande). */
  boundsUvt: { from: number | null; to: number | null };
}

export class SizeClassificationError extends Error {
  constructor(
    readonly code: 'invalid_income' | 'no_uvt_for_year',
    message: string,
  ) {
    super(message);
    this.name = 'SizeClassificationError';
  }
}

export function classifySize(input: SizeInput, thresholds: SizeThresholdsVersion, uvts: readonly UvtValue[]): SizeClassification {
  if (!Number.isSafeInteger(input.incomeCop) || input.incomeCop < 0) {
    throw new SizeClassificationError('invalid_income', 'Income must be a whole, non-negative number of pesos');
  }
  const uvt = uvts.find((u) => u.year === input.incomeYear);
  if (!uvt) throw new SizeClassificationError('no_uvt_for_year', `No UVT value is loaded for ${input.incomeYear}`);
  const t = thresholds.bySector[input.sector];
  // Whole UVT × whole COP stays an exact integer (well below 2^53), so no rounding can move a boundary.
  const limits: [SizeClass, number, number | null][] = [
    ['micro', t.micro, null],
    ['pequena', t.pequena, t.micro],
    ['mediana', t.mediana, t.pequena],
  ];
  const hit = limits.find(([, upToUvt]) => input.incomeCop <= upToUvt * uvt.cop);
  const [sizeClass, to, from] = hit ?? (['grande', null, t.mediana] as const);
  return {
    sizeClass,
    sector: input.sector,
    incomeCop: input.incomeCop,
    incomeYear: input.incomeYear,
    uvt,
    thresholdsVersionId: thresholds.id,
    boundsUvt: { from, to },
  };
}

/** Mipymes, and cooperatives and other economía solidaria entities whatever their size (art. 23 Ley 2069 de 2020). */
export function countsAsMipyme(sizeClass: SizeClass, economiaSolidaria: boolean): boolean {
  return economiaSolidaria || sizeClass !== 'grande';
}
