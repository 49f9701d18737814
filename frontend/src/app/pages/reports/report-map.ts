import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { REPORT_INDICATORS, type DepartmentView, type ReportIndicatorKey, type ReportRow } from '@eslabon/contracts';
import type { ECElementEvent } from 'echarts/core';
import { EChart } from './echart';
import { MAP_ASPECT, mapChart } from './report-chart-options';
import { ReportFormat } from './report-format';

/** Colombia's departments coloured by a chosen indicator; a click on one filters the dashboard by it. */
@Component({
  selector: 'esl-report-map',
  imports: [MatFormFieldModule, MatSelectModule, EChart],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ f.t('reports.map.indicator') }}</mat-label>
      <mat-select [value]="indicator()" (selectionChange)="indicator.set($event.value)" data-testid="map-indicator">
        @for (key of indicators; track key) {
          <mat-option [value]="key">{{ f.label(key) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <div class="map" [style.aspect-ratio]="aspect">
      <esl-echart
        [options]="options()"
        [label]="f.t('reports.map.label', { indicator: f.label(indicator()) })"
        (itemClick)="clicked($event)"
      />
    </div>
    <p class="caption">{{ f.t('reports.map.caption') }}</p>
  `,
  styles: `
    .map {
      width: 100%;
      max-width: 520px;
      margin-top: 8px;
    }
    .caption {
      max-width: 70ch;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportMap {
  protected readonly f = inject(ReportFormat);
  readonly rows = input.required<readonly ReportRow[]>();
  readonly departments = input.required<readonly DepartmentView[]>();
  readonly selected = input<string>();
  readonly choose = output<string>();
  protected readonly indicators = REPORT_INDICATORS;
  protected readonly indicator = signal<ReportIndicatorKey>('nationalShare');
  protected readonly aspect = String(MAP_ASPECT);
  protected readonly options = computed(() => mapChart(this.departments(), this.rows(), this.indicator(), this.f, this.selected()));

  protected clicked(event: ECElementEvent): void {
    const code = (event.data as { id?: string } | undefined)?.id;
    if (code) this.choose.emit(code);
  }
}
