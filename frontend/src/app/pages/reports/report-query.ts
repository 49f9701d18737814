import type { ParamMap, Params } from '@angular/router';
import { PRODUCTIVE_BETS, TENDER_MODALITIES, type ReportDimension, type ReportIndicatorKey, type ReportQuery } from '@eslabon/contracts';
import type { ReportMeasure } from '@eslabon/domain';
import { urlParams, urlReader } from '../../core/ui/url-query';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const TWO_DIGITS = /^\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const REPORT_FILTERS = ['from', 'to', 'buyerOrganizationId', 'department', 'segment', 'productiveBet', 'modality'] as const;

export const PERIOD_PRESETS = ['thisYear', 'lastYear', 'lastQuarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The last calendar day of a month given as `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A quick choice of period, from Bogotá's today: the year to date, the whole last year, the last whole quarter. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (preset === 'thisYear') return { from: `${year}-01-01`, to: today };
  if (preset === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const [qYear, qIndex] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  const first = `${qYear}-${String(qIndex * 3 + 1).padStart(2, '0')}`;
  const last = `${qYear}-${String(qIndex * 3 + 3).padStart(2, '0')}`;
  return { from: `${first}-01`, to: lastDayOf(last) };
}

/**
 * The dashboard's filters as the URL carries them (the API's own names); the period defaults to the
 * year to date. The API pins buyers to their own organization, so only officers and admins read a
 * buyer from the URL: a shared link naming another entity does not lock a buyer out.
 */
export function reportQueryOf(params: ParamMap, today: string, mayChooseBuyer: boolean): ReportQuery {
  const url = urlReader(params);
  const year = presetPeriod('thisYear', today);
  return {
    from: url.matching('from', ISO_DAY) ?? year.from,
    to: url.matching('to', ISO_DAY) ?? year.to,
    buyerOrganizationId: mayChooseBuyer ? url.matching('buyerOrganizationId', UUID) : undefined,
    department: url.matching('department', TWO_DIGITS),
    segment: url.matching('segment', TWO_DIGITS),
    productiveBet: url.oneOf('productiveBet', PRODUCTIVE_BETS),
    modality: url.oneOf('modality', TENDER_MODALITIES),
  };
}

export function reportUrlParams(query: ReportQuery): Params {
  return urlParams(Object.fromEntries(REPORT_FILTERS.map((name) => [name, query[name] ?? ''])));
}

export function sameQuery(a: ReportQuery, b: ReportQuery): boolean {
  return REPORT_FILTERS.every((name) => (a[name] ?? '') === (b[name] ?? ''));
}

/** What a drill-down lists: the processes adding to `measure` under `query`. */
export interface Drill {
  query: ReportQuery;
  measure: ReportMeasure;
  /** The figure and the row it was opened from, e.g. "Industria nacional · Antioquia". */
  subject: string;
}

const DIMENSION_FILTERS: Record<Exclude<ReportDimension, 'month'>, keyof ReportQuery> = {
  buyer: 'buyerOrganizationId',
  department: 'department',
  segment: 'segment',
  productiveBet: 'productiveBet',
  modality: 'modality',
};

/**
 * The filters of one breakdown row, for its drill-down: its key added to the filters, or for a month
 * the period narrowed to it. Null for a row the API cannot filter by (no segment, no productive bet).
 */
export function rowQuery(query: ReportQuery, dimension: ReportDimension, key: string): ReportQuery | null {
  if (!key) return null;
  if (dimension === 'month') {
    const from = `${key}-01` > query.from ? `${key}-01` : query.from;
    const to = lastDayOf(key) < query.to ? lastDayOf(key) : query.to;
    return { ...query, from, to };
  }
  return { ...query, [DIMENSION_FILTERS[dimension]]: key };
}

/**
 * The measure whose processes make up a figure: a share's numerator, a count's own measure. Figures
 * without a measure of their own (mipymes together, savings) list the processes by awarded value.
 */
export const INDICATOR_MEASURES: Record<ReportIndicatorKey, ReportMeasure> = {
  awardedValueCop: 'awardedValueCop',
  awardedCount: 'awardedLots',
  nationalShare: 'nationalValueCop',
  mipymeShare: 'awardedValueCop',
  microShare: 'microValueCop',
  pequenaShare: 'pequenaValueCop',
  medianaShare: 'medianaValueCop',
  economiaPopularShare: 'economiaPopularValueCop',
  womenLedShare: 'womenLedValueCop',
  cooperativeShare: 'cooperativeValueCop',
  localShare: 'localValueCop',
  limitedProcesses: 'limitedProcesses',
  limitedValueCop: 'limitedValueCop',
  reservedLots: 'reservedLots',
  processes: 'processes',
  biddersPerProcess: 'processes',
  bidsPerLot: 'bids',
  singleBidderShare: 'singleBidderProcesses',
  voidShare: 'voidProcesses',
  savingsCop: 'awardedValueCop',
  savingsShare: 'awardedValueCop',
  foodAcfcShare: 'foodAcfcValueCop',
};
