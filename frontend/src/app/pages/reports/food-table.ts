import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { FoodPurchaseRow, ReportQuery } from '@eslabon/contracts';
import type { ReportMeasure } from '@eslabon/domain';
import type { MessageKey } from '../../core/i18n/i18n.service';
import { ExportLinks } from './export-links';
import { ReportFormat } from './report-format';
import type { Drill } from './report-query';
import { sortRows } from './report-sort';

type FoodColumn = 'buyerName' | 'foodValueCop' | 'acfcValueCop' | 'shareBp' | 'meetsMinimum';

/** What each figure's drill-down lists: all food purchases, or those from the ACFC. */
const MEASURES: Record<Exclude<FoodColumn, 'meetsMinimum'>, ReportMeasure> = {
  buyerName: 'foodValueCop',
  foodValueCop: 'foodValueCop',
  acfcValueCop: 'foodAcfcValueCop',
  shareBp: 'foodAcfcValueCop',
};

const HEADERS: Record<FoodColumn, MessageKey> = {
  buyerName: 'reports.food.buyer',
  foodValueCop: 'reports.food.foodValue',
  acfcValueCop: 'reports.food.acfcValue',
  shareBp: 'reports.food.share',
  meetsMinimum: 'reports.food.meets',
};

const rank = (meets: boolean | null) => (meets === null ? null : meets ? 1 : 0);

/** Each entity's food purchases against the 30 % minimum from the ACFC (Ley 2046 de 2020). */
@Component({
  selector: 'esl-food-table',
  imports: [MatSortModule, MatTableModule, ExportLinks],
  template: `
    @if (rows().length) {
      <div class="table-scroll">
        <table
          mat-table
          class="report-table"
          [dataSource]="sorted()"
          matSort
          (matSortChange)="sort.set($event)"
          data-testid="table-food"
          [attr.aria-label]="title()"
        >
          @for (column of columns; track column) {
            <ng-container [matColumnDef]="column">
              <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" [class.number]="column !== 'buyerName'">
                {{ f.t(headers[column]) }}
              </th>
              <td mat-cell *matCellDef="let row" [class.number]="column !== 'buyerName'">
                @if (column === 'meetsMinimum') {
                  <span [class.short]="row.meetsMinimum === false">{{ meets(row) }}</span>
                } @else {
                  <button
                    type="button"
                    class="cell-button"
                    [attr.aria-label]="f.t('reports.seeProcesses') + ': ' + row.buyerName + ', ' + f.t(headers[column])"
                    (click)="open(row, column)"
                  >
                    {{ text(row, column) }}
                  </button>
                }
              </td>
            </ng-container>
          }
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    } @else {
      <p>{{ f.t('reports.food.none') }}</p>
    }
    <div class="table-actions">
      <esl-export-links table="food" [query]="query()" [title]="title()" />
    </div>
  `,
  styleUrl: './report-tables.scss',
  styles: '.short { color: var(--mat-sys-error); font-weight: 600 }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FoodTable {
  protected readonly f = inject(ReportFormat);
  readonly rows = input.required<readonly FoodPurchaseRow[]>();
  readonly query = input.required<ReportQuery>();
  readonly title = input.required<string>();
  readonly drill = output<Drill>();
  protected readonly columns: readonly FoodColumn[] = ['buyerName', 'foodValueCop', 'acfcValueCop', 'shareBp', 'meetsMinimum'];
  protected readonly headers = HEADERS;
  protected readonly sort = signal<Sort>({ active: '', direction: '' });

  protected readonly sorted = computed(() =>
    sortRows(this.rows(), this.sort(), { column: 'buyerName', of: (row) => row.buyerName }, (row, column) =>
      column === 'meetsMinimum' ? rank(row.meetsMinimum) : row[column as 'foodValueCop' | 'acfcValueCop' | 'shareBp'],
    ),
  );

  protected text(row: FoodPurchaseRow, column: Exclude<FoodColumn, 'meetsMinimum'>): string {
    if (column === 'buyerName') return row.buyerName;
    return column === 'shareBp' ? this.f.share(row.shareBp) : this.f.money(row[column]);
  }

  protected meets(row: FoodPurchaseRow): string {
    return row.meetsMinimum === null ? '—' : this.f.t(row.meetsMinimum ? 'reports.food.yes' : 'reports.food.no');
  }

  protected open(row: FoodPurchaseRow, column: Exclude<FoodColumn, 'meetsMinimum'>): void {
    this.drill.emit({
      query: { ...this.query(), buyerOrganizationId: row.buyerOrganizationId },
      measure: MEASURES[column],
      subject: this.f.t('reports.drilldown.subject', { figure: this.f.t(HEADERS[column]), row: row.buyerName }),
    });
  }
}
