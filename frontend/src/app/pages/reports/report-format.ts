import { Injectable, inject } from '@angular/core';
import { REPORT_INDICATOR_DEFINITIONS, type ReportIndicatorKey } from '@eslabon/contracts';
import {
  SHARE_INDICATORS,
  pointChangeBp,
  relativeChangeBp,
  type ReportIndicators,
  type ReportMeasure,
  type ShareIndicator,
} from '@eslabon/domain';
import { errorMessage } from '../../core/forms/form-errors';
import { formatAmount, formatDay } from '../../core/i18n/format';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';

export type IndicatorKind = 'money' | 'count' | 'share' | 'average';

const MONEY: readonly ReportIndicatorKey[] = ['awardedValueCop', 'limitedValueCop', 'savingsCop'];
const AVERAGES: readonly ReportIndicatorKey[] = ['biddersPerProcess', 'bidsPerLot'];

const isShare = (key: ReportIndicatorKey): key is ShareIndicator => (SHARE_INDICATORS as readonly string[]).includes(key);

export function indicatorKind(key: ReportIndicatorKey): IndicatorKind {
  if (isShare(key)) return 'share';
  if (MONEY.includes(key)) return 'money';
  return AVERAGES.includes(key) ? 'average' : 'count';
}

/** A figure as the API derives it: money a decimal string, shares basis points, averages hundredths. */
export function indicatorValue(indicators: ReportIndicators, key: ReportIndicatorKey): string | number | null {
  return isShare(key) ? indicators.shares[key] : indicators[key];
}

/** A figure against the previous period: shares in percentage points, everything else relative. */
export interface FigureChange {
  kind: 'points' | 'relative';
  /** Basis points: hundredths of a point, or of a per cent of the previous figure; null without one. */
  bp: number | null;
}

export function indicatorChange(key: ReportIndicatorKey, current: ReportIndicators, previous: ReportIndicators): FigureChange {
  const now = indicatorValue(current, key);
  const before = indicatorValue(previous, key);
  if (indicatorKind(key) === 'share') return { kind: 'points', bp: pointChangeBp(now as number | null, before as number | null) };
  return { kind: 'relative', bp: now === null || before === null ? null : relativeChangeBp(String(now), String(before)) };
}

/** The words for a refusal: the report's own codes first, then the shared ones. */
export function reportErrorMessage(i18n: I18n, code: string | undefined): string {
  const key = `reports.errors.${code}`;
  return i18n.has(key) ? i18n.t(key) : errorMessage(i18n, code);
}

/** The dashboard's words and numbers in the reader's language. */
@Injectable({ providedIn: 'root' })
export class ReportFormat {
  private readonly i18n = inject(I18n);

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  label(key: ReportIndicatorKey): string {
    return REPORT_INDICATOR_DEFINITIONS[this.i18n.locale()][key].label;
  }

  definition(key: ReportIndicatorKey): string {
    return REPORT_INDICATOR_DEFINITIONS[this.i18n.locale()][key].definition;
  }

  measure(measure: ReportMeasure): string {
    return this.i18n.t(`reports.measures.${measure}`);
  }

  money(value: string): string {
    return formatAmount(value, this.i18n.locale(), 'COP');
  }

  /** Short money for chart axes ("$ 2300 M"); exact amounts are in the tooltips and tables. */
  compactMoney(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), {
      style: 'currency',
      currency: 'COP',
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  }

  count(value: number | string): string {
    return formatAmount(value, this.i18n.locale());
  }

  /** Basis points as a percentage with one decimal, spaced as the app writes it everywhere ("45,3 %"). */
  share(bp: number | null): string {
    return bp === null ? '—' : `${this.decimal(bp / 100, 1)} %`;
  }

  figure(key: ReportIndicatorKey, indicators: ReportIndicators): string {
    const value = indicatorValue(indicators, key);
    if (value === null) return '—';
    return indicatorKind(key) === 'money' ? this.money(String(value)) : this.amount(indicatorKind(key), Number(value));
  }

  /** A figure given as a plain number, e.g. a point of a chart's scale; money is shortened. */
  amount(kind: IndicatorKind, value: number): string {
    switch (kind) {
      case 'money':
        return this.compactMoney(value);
      case 'share':
        return this.share(Math.round(value));
      case 'average':
        return this.decimal(value / 100, 2);
      default:
        return this.count(Math.round(value));
    }
  }

  change(change: FigureChange): string {
    if (change.bp === null) return this.i18n.t('reports.change.none');
    const signed = new Intl.NumberFormat(this.i18n.locale(), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(change.bp / 100);
    return this.i18n.t(change.kind === 'points' ? 'reports.change.points' : 'reports.change.relative', { change: signed });
  }

  /** A month key (`YYYY-MM`) as "mar. 2026". */
  month(key: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${key}-01T00:00:00Z`),
    );
  }

  day(isoDate: string): string {
    return formatDay(isoDate, this.i18n.locale());
  }

  private decimal(value: number, digits: number): string {
    return new Intl.NumberFormat(this.i18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
}
