import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ReportProcessPage, TenderModality } from '@eslabon/contracts';
import { BehaviorSubject, catchError, of, switchMap, tap } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Pager } from '../../core/ui/pager';
import { ExportLinks } from './export-links';
import { ReportFormat, reportErrorMessage } from './report-format';
import type { Drill } from './report-query';
import { ReportsClient } from './reports.client';

const PAGE_SIZE = 50;

export interface DrilldownData extends Drill {
  /** DIVIPOLA department names by code. */
  departments: ReadonlyMap<string, string>;
}

/** The processes behind a figure, each linked to its public page, with their own downloads. */
@Component({
  selector: 'esl-report-drilldown',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, RouterLink, Pager, ExportLinks],
  templateUrl: './report-drilldown.html',
  styleUrls: ['./report-tables.scss', './report-drilldown.scss'],
  host: { 'data-testid': 'drilldown' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDrilldown {
  protected readonly data = inject<DrilldownData>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18n);
  protected readonly f = inject(ReportFormat);
  private readonly client = inject(ReportsClient);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly isMoney = this.data.measure.endsWith('ValueCop');
  private readonly pages = new BehaviorSubject(1);
  protected readonly page = signal(1);
  protected readonly result = signal<ReportProcessPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly failure = signal('');

  constructor() {
    this.pages
      .pipe(
        tap((page) => {
          this.page.set(page);
          this.loading.set(true);
          this.failure.set('');
        }),
        switchMap((page) =>
          this.client.processes(this.data.query, this.data.measure, page).pipe(
            catchError((error: unknown) => {
              this.failure.set(reportErrorMessage(this.i18n, problemOf(error).code));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.result.set(result);
      });
  }

  protected go(page: number): void {
    this.pages.next(page);
  }

  protected value(value: string): string {
    return this.isMoney ? this.f.money(value) : this.f.count(value);
  }

  protected modality(modality: string): string {
    return this.i18n.t(`tenders.modalities.${modality as TenderModality}`);
  }

  protected department(code: string): string {
    return this.data.departments.get(code) ?? code;
  }
}
