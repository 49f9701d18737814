import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ReportDimension, ReportIndicatorKey, ReportQuery, ReportRow } from '@eslabon/contracts';
import type { MessageKey } from '../../core/i18n/i18n.service';
import { ExportLinks } from './export-links';
import { indicatorValue } from '@eslabon/contracts';
import { ReportFormat } from './report-format';
import { INDICATOR_MEASURES, rowQuery, type Drill } from './report-query';
import { sortRows } from './report-sort';

/** The figures every breakdown table shows; the downloads carry all of them. */
export const TABLE_INDICATORS: readonly ReportIndicatorKey[] = [
  'processes',
  'awardedValueCop',
  'nationalShare',
  'mipymeShare',
  'economiaPopularShare',
  'womenLedShare',
  'localShare',
  'limitedProcesses',
  'biddersPerProcess',
  'singleBidderShare',
];

/** Long tables (every entity of the country) show their first rows until asked for all. */
const FIRST_ROWS = 25;

const LABEL_HEADERS: Record<ReportDimension, MessageKey> = {
  buyer: 'reports.buyer',
  department: 'reports.department',
  segment: 'reports.segment',
  productiveBet: 'reports.bet',
  modality: 'reports.modality',
  month: 'reports.table.month',
};

/** One breakdown of the dashboard, sortable by any column; every figure opens the processes behind it. */
@Component({
  selector: 'esl-report-table',
  imports: [MatButtonModule, MatSortModule, MatTableModule, MatTooltipModule, ExportLinks],
  templateUrl: './report-table.html',
  styleUrl: './report-tables.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportTable {
  protected readonly f = inject(ReportFormat);
  readonly dimension = input.required<ReportDimension>();
  readonly rows = input.required<readonly ReportRow[]>();
  readonly query = input.required<ReportQuery>();
  readonly title = input.required<string>();
  readonly drill = output<Drill>();
  protected readonly indicators = TABLE_INDICATORS;
  protected readonly columns = ['label', ...TABLE_INDICATORS];
  protected readonly firstRows = FIRST_ROWS;
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly expanded = signal(false);
  protected readonly labelHeader = computed(() => this.f.t(LABEL_HEADERS[this.dimension()]));

  protected readonly sorted = computed(() =>
    sortRows(this.rows(), this.sort(), { column: 'label', of: (row) => this.rowLabel(row) }, (row, column) =>
      indicatorValue(row.indicators, column as ReportIndicatorKey),
    ),
  );
  protected readonly shown = computed(() => (this.expanded() ? this.sorted() : this.sorted().slice(0, FIRST_ROWS)));

  protected rowLabel(row: ReportRow): string {
    return this.dimension() === 'month' ? this.f.month(row.key) : row.label;
  }

  /** Rows without a key (no segment, no productive bet) cannot be filtered by, so they open nothing. */
  protected drillable(row: ReportRow): boolean {
    return rowQuery(this.query(), this.dimension(), row.key) !== null;
  }

  protected open(row: ReportRow, indicator: ReportIndicatorKey): void {
    const query = rowQuery(this.query(), this.dimension(), row.key);
    if (query)
      this.drill.emit({
        query,
        measure: INDICATOR_MEASURES[indicator],
        subject: this.f.t('reports.drilldown.subject', { figure: this.f.label(indicator), row: this.rowLabel(row) }),
      });
  }
}
