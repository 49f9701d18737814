import { Injectable, inject } from '@angular/core';
import {
  REPORT_INDICATOR_DEFINITIONS,
  indicatorValue,
  isShareIndicator,
  type FigureChange,
  type ReportIndicatorKey,
} from '@eslabon/contracts';
import type { ReportIndicators, ReportMeasure } from '@eslabon/domain';
import { errorMessage } from '../../core/forms/form-errors';
import { formatAmount, formatDay } from '../../core/i18n/format';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';

export type IndicatorKind = 'money' | 'count' | 'share' | 'average';

const MONEY: readonly ReportIndicatorKey[] = ['awardedValueCop', 'limitedValueCop', 'savingsCop'];
const AVERAGES: readonly ReportIndicatorKey[] = ['biddersPerProcess', 'bidsPerLot'];

export function indicatorKind(key: ReportIndicatorKey): IndicatorKind {
  if (isShareIndicator(key)) return 'share';
  if (MONEY.includes(key)) return 'money';
  return AVERAGES.includes(key) ? 'average' : 'count';
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
