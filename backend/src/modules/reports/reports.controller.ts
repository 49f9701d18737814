import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_LOCALE, type Locale, type ReportDashboard, type ReportDimension, type ReportProcessPage } from '@eslabon/contracts';
import type { Response } from 'express';
import type { AuthContext } from '../../core/auth/auth-context';
import { Authorize, CurrentAuth } from '../../core/auth/auth.decorators';
import { attachment } from '../../core/http/attachment';
import { dashboardPdf } from './report-pdf';
import { breakdownTable, foodTable, funnelTable, processesTable, toCsv, toXlsx } from './report-tables';
import { ReportExportQueryDto, ReportProcessesQueryDto, ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

const READERS = { roles: ['officer', 'admin', 'buyer_admin', 'buyer'], inActiveOrganization: true } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Authorize(READERS)
  @Get('dashboard')
  dashboard(@Query() query: ReportQueryDto, @CurrentAuth() auth: AuthContext): Promise<ReportDashboard> {
    return this.reports.dashboard(this.reports.scoped(query, auth), localeOf(auth));
  }

  /** Drill-down: the processes behind a figure. */
  @Authorize(READERS)
  @Get('processes')
  processes(@Query() query: ReportProcessesQueryDto, @CurrentAuth() auth: AuthContext): Promise<ReportProcessPage> {
    return this.reports.processes(this.reports.scoped(query, auth), query.measure, query.page);
  }

  @Authorize(READERS)
  @Get('export')
  async export(
    @Query() query: ReportExportQueryDto,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const scoped = this.reports.scoped(query, auth);
    const locale = localeOf(auth);
    const table =
      query.table === 'processes'
        ? processesTable(await this.reports.processes(scoped, query.measure, query.page), locale)
        : await this.reports
            .dashboard(scoped, locale)
            .then((d) =>
              query.table === 'funnel'
                ? funnelTable(d, locale)
                : query.table === 'food'
                  ? foodTable(d, locale)
                  : breakdownTable(d, query.table as ReportDimension, locale),
            );
    const name = `eslabon-${query.table}-${scoped.from}-${scoped.to}`;
    const body =
      query.format === 'csv'
        ? toCsv(table)
        : await toXlsx(table, { title: locale === 'en' ? 'Notes' : 'Notas', lines: await this.reports.notes(scoped, locale) });
    const contentType = query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
    return attachment(res, { fileName: `${name}.${query.format}`, contentType, sizeBytes: body.length }, body);
  }

  @Authorize(READERS)
  @Get('dashboard.pdf')
  async pdf(
    @Query() query: ReportQueryDto,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const scoped = this.reports.scoped(query, auth);
    const locale = localeOf(auth);
    const dashboard = await this.reports.dashboard(scoped, locale);
    const body = await dashboardPdf(dashboard, await this.reports.filterLabels(scoped, locale), locale, new Date());
    return attachment(
      res,
      { fileName: `eslabon-informe-${scoped.from}-${scoped.to}.pdf`, contentType: 'application/pdf', sizeBytes: body.length },
      body,
    );
  }
}

const localeOf = (auth: AuthContext): Locale => auth?.user.locale ?? DEFAULT_LOCALE;
