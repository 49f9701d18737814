import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { FunnelRow, ReportQuery } from '@eslabon/contracts';
import { shareBp, type ReportMeasure } from '@eslabon/domain';
import { ExportLinks } from './export-links';
import { ReportFormat } from './report-format';
import type { Drill } from './report-query';
import { sortRows } from './report-sort';

const STAGES = ['registered', 'matched', 'bidding', 'awarded'] as const;
type FigureColumn = (typeof STAGES)[number] | 'conversion';

/** The sizes whose awarded value the report keeps apart, so their awards can be listed. */
const SIZE_MEASURES: Partial<Record<FunnelRow['sizeClass'], ReportMeasure>> = {
  micro: 'microValueCop',
  pequena: 'pequenaValueCop',
  mediana: 'medianaValueCop',
};

interface FunnelLine extends FunnelRow {
  label: string;
  conversion: number | null;
}

/** Suppliers registered, notified, bidding and awarded, by size. */
@Component({
  selector: 'esl-funnel-table',
  imports: [MatSortModule, MatTableModule, ExportLinks],
  template: `
    <div class="table-scroll">
      <table
        mat-table
        class="report-table"
        [dataSource]="sorted()"
        matSort
        (matSortChange)="sort.set($event)"
        data-testid="table-funnel"
        [attr.aria-label]="title()"
      >
        <ng-container matColumnDef="label">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">{{ f.t('reports.funnel.size') }}</th>
          <td mat-cell *matCellDef="let row">{{ row.label }}</td>
        </ng-container>
        @for (stage of stages; track stage) {
          <ng-container [matColumnDef]="stage">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" class="number">{{ stageLabel(stage) }}</th>
            <td mat-cell *matCellDef="let row" class="number">
              @if (stage === 'awarded' && measureOf(row)) {
                <button
                  type="button"
                  class="cell-button"
                  [attr.aria-label]="f.t('reports.seeProcesses') + ': ' + row.label"
                  (click)="open(row)"
                >
                  {{ f.count(row[stage]) }}
                </button>
              } @else {
                {{ f.count(row[stage]) }}
              }
            </td>
          </ng-container>
        }
        <ng-container matColumnDef="conversion">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" class="number">{{ f.t('reports.funnel.conversion') }}</th>
          <td mat-cell *matCellDef="let row" class="number">{{ f.share(row.conversion) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
    <div class="table-actions">
      <esl-export-links table="funnel" [query]="query()" [title]="title()" />
    </div>
  `,
  styleUrl: './report-tables.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelTable {
  protected readonly f = inject(ReportFormat);
  readonly rows = input.required<readonly FunnelRow[]>();
  readonly query = input.required<ReportQuery>();
  readonly title = input.required<string>();
  readonly drill = output<Drill>();
  protected readonly stages = STAGES;
  protected readonly columns = ['label', ...STAGES, 'conversion'];
  protected readonly sort = signal<Sort>({ active: '', direction: '' });

  private readonly lines = computed<FunnelLine[]>(() =>
    this.rows().map((row) => ({
      ...row,
      label: row.sizeClass === 'unclassified' ? this.f.t('reports.funnel.unclassified') : this.f.t(`directory.sizes.${row.sizeClass}`),
      conversion: shareBp(String(row.awarded), String(row.registered)),
    })),
  );

  protected readonly sorted = computed(() =>
    sortRows(this.lines(), this.sort(), { column: 'label', of: (line) => line.label }, (line, column) => line[column as FigureColumn]),
  );

  protected stageLabel(stage: (typeof STAGES)[number]): string {
    return this.f.t(`reports.funnel.${stage}`);
  }

  protected measureOf(row: FunnelLine): ReportMeasure | undefined {
    return SIZE_MEASURES[row.sizeClass];
  }

  protected open(row: FunnelLine): void {
    const measure = SIZE_MEASURES[row.sizeClass];
    if (measure)
      this.drill.emit({
        query: this.query(),
        measure,
        subject: this.f.t('reports.drilldown.subject', { figure: this.f.t('reports.funnel.awarded'), row: row.label }),
      });
  }
}
