/**
 * National-industry participation indicators (issue 8). The report store keeps only sums (`ReportTotals`)
 * per cell of its cube; every share, average and change shown by the dashboard, the exports and the PDF
 * is derived here, so the three can never disagree. Money is whole COP carried as decimal strings and
 * computed with BigInt; shares are basis points (1 % = 100), averages hundredths.
 */

/** The additive measures of a set of decided lots and processes. */
export const REPORT_MEASURES = [
  'lots',
  'awardedLots',
  'voidLots',
  'reservedLots',
  'bids',
  'singleBidLots',
  'processes',
  'voidProcesses',
  'singleBidderProcesses',
  'processBidders',
  'limitedProcesses',
  'estimatedValueCop',
  'awardedValueCop',
  'nationalValueCop',
  'microValueCop',
  'pequenaValueCop',
  'medianaValueCop',
  'economiaPopularValueCop',
  'womenLedValueCop',
  'cooperativeValueCop',
  'localValueCop',
  'limitedValueCop',
  'reservedValueCop',
  'foodValueCop',
  'foodAcfcValueCop',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/** Every measure as a decimal string: counts stay exact and money never touches a float. */
export type ReportTotals = Record<ReportMeasure, string>;

export const EMPTY_TOTALS: ReportTotals = Object.fromEntries(REPORT_MEASURES.map((m) => [m, '0'])) as ReportTotals;

/**
 * Ley 2046 de 2020 art. 2 and Decreto 248 de 2021 (RULES.md §4): at least 30 % of an entity's food
 * purchases must come from small producers of the agricultura campesina, familiar y comunitaria.
 */
export const FOOD_MINIMUM_SHARE_BP = 3000;

/**
 * What counts as a food purchase: lots classified in UNSPSC segment 50 "Alimentos, bebidas y tabaco".
 * The law defines no classifier; this is the platform's reading, stated in the report's method notes.
 */
export const FOOD_UNSPSC_SEGMENTS: readonly string[] = ['50'];

export function isFoodSegment(segment: string | null): boolean {
  return segment !== null && FOOD_UNSPSC_SEGMENTS.includes(segment);
}

/** `part / whole` in basis points, rounded half up; null when there is nothing to divide. */
export function shareBp(part: string, whole: string): number | null {
  const w = BigInt(whole);
  if (w === 0n) return null;
  return Number((BigInt(part) * 20000n + w) / (2n * w));
}

/** `total / count` in hundredths, rounded half up; null over no items. */
export function averageHundredths(total: string, count: string): number | null {
  const c = BigInt(count);
  return c === 0n ? null : Number((BigInt(total) * 200n + c) / (2n * c));
}

export const SHARE_INDICATORS = [
  'nationalShare',
  'mipymeShare',
  'microShare',
  'pequenaShare',
  'medianaShare',
  'economiaPopularShare',
  'womenLedShare',
  'cooperativeShare',
  'localShare',
  'singleBidderShare',
  'voidShare',
  'savingsShare',
  'foodAcfcShare',
] as const;
export type ShareIndicator = (typeof SHARE_INDICATORS)[number];

/** The figures the dashboard shows, derived from totals. */
export interface ReportIndicators {
  awardedValueCop: string;
  awardedCount: number;
  processes: number;
  limitedProcesses: number;
  limitedValueCop: string;
  reservedLots: number;
  savingsCop: string;
  /** Average distinct bidders per process and bids per lot, in hundredths. */
  biddersPerProcess: number | null;
  bidsPerLot: number | null;
  shares: Record<ShareIndicator, number | null>;
}

const add = (...values: string[]) => values.reduce((sum, v) => sum + BigInt(v), 0n).toString();

export function deriveIndicators(t: ReportTotals): ReportIndicators {
  const mipyme = add(t.microValueCop, t.pequenaValueCop, t.medianaValueCop);
  const savings = (BigInt(t.estimatedValueCop) - BigInt(t.awardedValueCop)).toString();
  return {
    awardedValueCop: t.awardedValueCop,
    awardedCount: Number(t.awardedLots),
    processes: Number(t.processes),
    limitedProcesses: Number(t.limitedProcesses),
    limitedValueCop: t.limitedValueCop,
    reservedLots: Number(t.reservedLots),
    savingsCop: savings,
    biddersPerProcess: averageHundredths(t.processBidders, t.processes),
    bidsPerLot: averageHundredths(t.bids, t.lots),
    shares: {
      nationalShare: shareBp(t.nationalValueCop, t.awardedValueCop),
      mipymeShare: shareBp(mipyme, t.awardedValueCop),
      microShare: shareBp(t.microValueCop, t.awardedValueCop),
      pequenaShare: shareBp(t.pequenaValueCop, t.awardedValueCop),
      medianaShare: shareBp(t.medianaValueCop, t.awardedValueCop),
      economiaPopularShare: shareBp(t.economiaPopularValueCop, t.awardedValueCop),
      womenLedShare: shareBp(t.womenLedValueCop, t.awardedValueCop),
      cooperativeShare: shareBp(t.cooperativeValueCop, t.awardedValueCop),
      localShare: shareBp(t.localValueCop, t.awardedValueCop),
      singleBidderShare: shareBp(t.singleBidderProcesses, t.processes),
      voidShare: shareBp(t.voidProcesses, t.processes),
      savingsShare: shareBp(savings, t.estimatedValueCop),
      foodAcfcShare: shareBp(t.foodAcfcValueCop, t.foodValueCop),
    },
  };
}

/** Sum of several cells' totals (used for headline figures over breakdown rows and in tests). */
export function sumTotals(rows: readonly ReportTotals[]): ReportTotals {
  return Object.fromEntries(REPORT_MEASURES.map((m) => [m, add(...rows.map((r) => r[m]))])) as ReportTotals;
}

/**
 * Change against the previous period: relative change of an amount in basis points (null from zero),
 * and for shares the difference in basis points (percentage points × 100).
 */
export function relativeChangeBp(current: string, previous: string): number | null {
  const p = BigInt(previous);
  if (p === 0n) return null;
  const diff = BigInt(current) - p;
  const magnitude = shareBp((diff < 0n ? -diff : diff).toString(), (p < 0n ? -p : p).toString()) ?? 0;
  return diff < 0n ? -magnitude : magnitude;
}

export function pointChangeBp(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** Does an entity meet the Ley 2046 minimum? Null when it bought no food in the period. */
export function meetsFoodMinimum(t: Pick<ReportTotals, 'foodValueCop' | 'foodAcfcValueCop'>): boolean | null {
  const share = shareBp(t.foodAcfcValueCop, t.foodValueCop);
  return share === null ? null : share >= FOOD_MINIMUM_SHARE_BP;
}

/**
 * The period just before `[from, to]` with the same length in months when the period is whole months
 * (a year compares with the year before, a quarter with the quarter before), otherwise in days.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const dayAfterEnd = new Date(end.getTime() + 86_400_000);
  if (start.getUTCDate() === 1 && dayAfterEnd.getUTCDate() === 1) {
    const months = (dayAfterEnd.getUTCFullYear() - start.getUTCFullYear()) * 12 + dayAfterEnd.getUTCMonth() - start.getUTCMonth();
    const prevStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
    return { from: isoDate(prevStart), to: isoDate(new Date(start.getTime() - 86_400_000)) };
  }
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
  return { from: isoDate(new Date(start.getTime() - days * 86_400_000)), to: isoDate(new Date(start.getTime() - 86_400_000)) };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Competitive processes against direct contracting (two thirds of SECOP II contracts are direct awards). */
export function isDirectModality(modality: string): boolean {
  return modality === 'contratacion_directa';
}
