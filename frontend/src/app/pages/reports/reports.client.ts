import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ReportDashboard, ReportDimension, ReportExportFormat, ReportProcessPage, ReportQuery } from '@eslabon/contracts';
import type { ReportMeasure } from '@eslabon/domain';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/api/query-params';

const REPORTS = '/api/v1/reports';

/** The tables the export can write: every breakdown, the funnel, the food purchases and a drill-down list. */
export type ReportTable = ReportDimension | 'funnel' | 'food' | 'processes';

/** The participation dashboard, its drill-down and its downloads; a buyer's are pinned to its organization by the API. */
@Injectable({ providedIn: 'root' })
export class ReportsClient {
  private readonly http = inject(HttpClient);

  dashboard(query: ReportQuery): Observable<ReportDashboard> {
    return this.http.get<ReportDashboard>(`${REPORTS}/dashboard`, { params: queryParams(query) });
  }

  /** The processes behind a figure, 50 a page, largest contribution to `measure` first. */
  processes(query: ReportQuery, measure: ReportMeasure, page: number): Observable<ReportProcessPage> {
    return this.http.get<ReportProcessPage>(`${REPORTS}/processes`, { params: queryParams({ ...query, measure, page }) });
  }

  /** Plain links: the browser sends the session cookie and saves the file the server names. */
  exportUrl(query: ReportQuery, table: ReportTable, format: ReportExportFormat, drill?: { measure: ReportMeasure; page: number }): string {
    return `${REPORTS}/export?${queryParams({ ...query, table, format, ...drill }).toString()}`;
  }

  pdfUrl(query: ReportQuery): string {
    return `${REPORTS}/dashboard.pdf?${queryParams(query).toString()}`;
  }
}
