import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { REPORT_EXPORT_FORMATS, type ReportQuery } from '@eslabon/contracts';
import type { ReportMeasure } from '@eslabon/domain';
import { I18n } from '../../core/i18n/i18n.service';
import { ReportsClient, type ReportTable } from './reports.client';

/** CSV and XLSX downloads of one table with the filters on screen. */
@Component({
  selector: 'esl-export-links',
  imports: [MatButtonModule],
  template: `
    @for (link of links(); track link.format) {
      <a
        mat-stroked-button
        [href]="link.url"
        download
        [attr.aria-label]="i18n.t('reports.table.download', { table: title(), format: link.label })"
        [attr.data-testid]="'export-' + table() + '-' + link.format"
        >{{ link.label }}</a
      >
    }
  `,
  styles: ':host { display: inline-flex; flex-wrap: wrap; gap: 8px }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportLinks {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(ReportsClient);
  readonly table = input.required<ReportTable>();
  readonly query = input.required<ReportQuery>();
  /** What the downloaded table is, for the links' accessible names. */
  readonly title = input.required<string>();
  /** For a drill-down list: its measure and the page shown. */
  readonly drill = input<{ measure: ReportMeasure; page: number }>();
  protected readonly links = computed(() =>
    REPORT_EXPORT_FORMATS.map((format) => ({
      format,
      label: format.toUpperCase(),
      url: this.client.exportUrl(this.query(), this.table(), format, this.drill()),
    })),
  );
}
