import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { ProblemDetails, ReportDashboard, ReportQuery, ReportRow } from '@eslabon/contracts';
import { BehaviorSubject, catchError, combineLatest, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { ReferenceClient } from '../../core/reference/reference.client';
import { Session } from '../../core/session/session.service';
import { bogotaDay, formatBogotaTime } from '../../core/time/bogota-time';
import { EChart } from './echart';
import { FoodTable } from './food-table';
import { FunnelTable } from './funnel-table';
import { competitionSplit, modalityChart, monthChart, nationalBarsChart } from './report-chart-options';
import { ReportDrilldown, type DrilldownData } from './report-drilldown';
import { HeadlineFigures } from './headline-figures';
import { ReportFilters } from './report-filters';
import { ReportFormat, reportErrorMessage } from './report-format';
import { ReportMap } from './report-map';
import { REPORT_FILTERS, presetPeriod, reportQueryOf, reportUrlParams, sameQuery, type Drill } from './report-query';
import { ReportTable } from './report-table';
import { ReportsClient } from './reports.client';

/** Bar charts show this many rows at most; their tables have them all. */
const CHART_ROWS = 12;

const barsHeight = (rows: number) => `${64 + rows * 30}px`;

/**
 * The national-industry participation dashboard (issue 8): headline figures against the previous
 * period, charts, a map and tables by buyer, territory, sector, productive bet, modality and month,
 * the supplier funnel and food purchases; every figure lists its processes, every table downloads.
 * The filters live in the URL, so a filtered view can be shared.
 */
@Component({
  selector: 'esl-reports-page',
  imports: [MatButtonModule, MatProgressBarModule, EChart, FoodTable, FunnelTable, HeadlineFigures, ReportFilters, ReportMap, ReportTable],
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  protected readonly i18n = inject(I18n);
  protected readonly f = inject(ReportFormat);
  private readonly session = inject(Session);
  private readonly client = inject(ReportsClient);
  private readonly reference = inject(ReferenceClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);

  protected readonly today = bogotaDay();
  protected readonly mayChooseBuyer = computed(() => this.session.roles().some((r) => r === 'officer' || r === 'admin'));
  protected readonly ownOrganization = computed(() => this.session.activeMembership()?.organizationName);
  protected readonly departments = toSignal(this.reference.departments().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly segments = toSignal(this.reference.unspscSegments().pipe(catchError(() => of([]))), { initialValue: [] });

  protected readonly query = signal<ReportQuery>(presetPeriod('thisYear', this.today));
  protected readonly dashboard = signal<ReportDashboard | null>(null);
  protected readonly loading = signal(true);
  protected readonly failure = signal('');
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Buyers met in the dashboards loaded so far: the choices of the buyer filter (no list of all buyers exists). */
  protected readonly buyers = signal<ReadonlyMap<string, string>>(new Map());
  private readonly retries = new BehaviorSubject<void>(undefined);

  protected readonly empty = computed(() => this.dashboard()?.current.totals.processes === '0');
  protected readonly pdfUrl = computed(() => this.client.pdfUrl(this.query()));
  protected readonly periodLine = computed(() => {
    const d = this.dashboard();
    return d
      ? this.i18n.t('reports.periodLine', {
          from: this.f.day(d.query.from),
          to: this.f.day(d.query.to),
          previousFrom: this.f.day(d.previous.from),
          previousTo: this.f.day(d.previous.to),
        })
      : '';
  });
  protected readonly updatedAt = computed(() => {
    const at = this.dashboard()?.updatedAt;
    return at ? this.i18n.t('reports.updatedAt', { time: formatBogotaTime(at, this.i18n.locale()) }) : '';
  });

  private readonly breakdown = (dimension: keyof ReportDashboard['breakdowns']) =>
    computed(() => this.dashboard()?.breakdowns[dimension] ?? []);
  protected readonly months = this.breakdown('month');
  protected readonly modalities = this.breakdown('modality');
  protected readonly topSegments = computed(() => this.breakdown('segment')().slice(0, CHART_ROWS));
  protected readonly topBets = computed(() => this.breakdown('productiveBet')().slice(0, CHART_ROWS));
  protected readonly monthOptions = computed(() => monthChart(this.months(), this.query(), this.f));
  protected readonly modalityOptions = computed(() => modalityChart(this.modalities(), this.f));
  protected readonly segmentOptions = computed(() => nationalBarsChart(this.topSegments(), this.f));
  protected readonly betOptions = computed(() => nationalBarsChart(this.topBets(), this.f));
  protected readonly heights = computed(() => ({
    modality: barsHeight(this.modalities().length),
    segment: barsHeight(this.topSegments().length),
    bet: barsHeight(this.topBets().length),
  }));
  protected readonly split = computed(() => {
    const split = competitionSplit(this.modalities());
    return this.i18n.t('reports.charts.directSplit', {
      valueShare: this.f.share(split.valueShare),
      processShare: this.f.share(split.processShare),
      competitiveShare: this.f.share(split.competitiveShare),
    });
  });

  constructor() {
    const queries = this.route.queryParamMap.pipe(
      map((params) => reportQueryOf(params, this.today, this.mayChooseBuyer())),
      distinctUntilChanged(sameQuery),
    );
    // A buyer's reports follow the organization it is working for: switching reloads them.
    const organization = toObservable(computed(() => this.session.activeMembership()?.organizationId ?? null));
    combineLatest([queries, organization, this.retries])
      .pipe(
        // Roles change with the organization: a buyer's dashboard never names another entity.
        map(([query]) => (this.mayChooseBuyer() ? query : { ...query, buyerOrganizationId: undefined })),
        tap((query) => {
          this.query.set(query);
          this.loading.set(true);
          this.failure.set('');
          this.problem.set(null);
        }),
        switchMap((query) =>
          this.client.dashboard(query).pipe(
            catchError((error: unknown) => {
              this.fail(problemOf(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((dashboard) => {
        this.loading.set(false);
        this.dashboard.set(dashboard);
        if (dashboard) this.learnBuyers(dashboard.breakdowns.buyer);
      });
  }

  /** Puts the filters in the URL; the dashboard follows the URL. */
  protected apply(query: ReportQuery): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: reportUrlParams(query) });
  }

  /** A click on the map filters by that department; on the one already chosen, it clears the filter. */
  protected chooseDepartment(department: string): void {
    this.apply({ ...this.query(), department: this.query().department === department ? undefined : department });
  }

  protected retry(): void {
    this.retries.next();
  }

  protected open(drill: Drill): void {
    const data: DrilldownData = { ...drill, departments: new Map(this.departments().map((d) => [d.code, d.name])) };
    this.dialog.open(ReportDrilldown, { data, width: '1200px', maxWidth: '96vw' });
  }

  /** Field errors go next to their filters; anything else is said above the dashboard. */
  private fail(problem: ProblemDetails): void {
    const onFilters = problem.errors?.some((e) => (REPORT_FILTERS as readonly string[]).includes(e.field));
    if (onFilters) this.problem.set(problem);
    else this.failure.set(reportErrorMessage(this.i18n, problem.code));
  }

  private learnBuyers(rows: readonly ReportRow[]): void {
    if (!this.mayChooseBuyer() || !rows.length) return;
    this.buyers.update((known) => new Map([...known, ...rows.map((r): [string, string] => [r.key, r.label])]));
  }
}
