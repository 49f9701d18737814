import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ReportProcessPage, Role } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { bogotaDay } from '../../core/time/bogota-time';
import { FILTER_DEBOUNCE_MS } from './report-filters';
import { BUYER_ID, dashboard, figures } from './reports.fixture';
import { ReportsPage } from './reports.page';

const TODAY = bogotaDay();
const YEAR = Number(TODAY.slice(0, 4));
const DASHBOARD = '/api/v1/reports/dashboard';
const PROCESSES = '/api/v1/reports/processes';
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The texts of a row's cells, or of a card's parts. */
const parts = (el: Element | null | undefined, selector = 'td') => [...(el?.querySelectorAll(selector) ?? [])].map(text);
const params = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
const settle = () => new Promise((resolve) => setTimeout(resolve, FILTER_DEBOUNCE_MS + 50));

const processPage: ReportProcessPage = {
  measure: 'nationalValueCop',
  total: 51,
  items: [
    {
      tenderId: 't-1',
      reference: 'MED-LP-001-2026',
      title: 'Uniformes para el personal de salud',
      buyerName: 'Alcaldía de Medellín',
      department: '05',
      modality: 'licitacion_publica',
      decidedOn: '2026-03-12',
      lots: 2,
      value: '600000000',
      awardedValueCop: '750000000',
      estimatedValueCop: '800000000',
    },
  ],
};

describe('ReportsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'informes', component: ReportsPage }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(url = '/informes', role: Role = 'officer') {
    const buyer = role === 'buyer' || role === 'buyer_admin';
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'seguimiento@mincit.gov.co', name: 'Seguimiento', locale: 'es-CO' },
      memberships: [
        {
          organizationId: buyer ? BUYER_ID : 'org-oversight',
          organizationName: buyer ? 'Alcaldía de Medellín' : 'Ministerio de Comercio',
          kind: buyer ? 'state_entity' : 'oversight',
          status: 'active',
          role,
        },
      ],
      activeOrganizationId: buyer ? BUYER_ID : 'org-oversight',
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, ReportsPage);
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'Antioquia', longitude: -75.4, latitude: 6.4 }]);
    http
      .expectOne('/api/v1/reference/unspsc')
      .flush([{ code: '50', level: 'segment', name: 'Alimentos, bebidas y tabaco', parentCode: null }]);
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;
    const flush = async (req: TestRequest, body: object) => {
      req.flush(body);
      await harness.fixture.whenStable();
    };
    return { harness, el, flush };
  }

  const dashboardRequest = () => http.expectOne((req) => req.url === DASHBOARD);

  it('shows the headline figures of the year to date with their change and definition', async () => {
    const { el, flush } = await open();
    const req = dashboardRequest();
    expect(params(req)).toEqual({ from: `${YEAR}-01-01`, to: TODAY });
    await flush(req, dashboard());

    const awarded = el.querySelector('[data-testid=figure-awardedValueCop]');
    expect(parts(awarded, ':scope > span')).toEqual(['Valor adjudicado', '$ 1.000.000.000', '▲ +25,0 % frente al periodo anterior']);
    const national = el.querySelector('[data-testid=figure-nationalShare]');
    expect(parts(national, ':scope > span')).toEqual(['Industria nacional', '60,0 %', '▲ +10,0 p. p. frente al periodo anterior']);
    // Nothing to compare with: no food purchase in the previous period.
    expect(parts(el.querySelector('[data-testid=figure-foodAcfcShare]'), ':scope > span')).toEqual([
      'Alimentos de la ACFC',
      '20,0 %',
      'Sin dato del periodo anterior',
    ]);
    const described = document.getElementById(national?.getAttribute('aria-describedby') ?? '');
    expect(text(described)).toContain('Ley 816 de 2003');

    expect(text(el.querySelector('[data-testid=updated-at]'))).toContain('(hora de Bogotá)');
    expect(text(el.querySelector('[data-testid=competition-split]'))).toBe(
      'Contratación directa: 25,0 % del valor adjudicado y 33,3 % de los procesos. Modalidades competitivas: 75,0 % del valor.',
    );
    expect(parts(el.querySelector('[data-testid=table-department] tbody tr')).slice(0, 5)).toEqual([
      'Antioquia',
      '3',
      '$ 1.000.000.000',
      '60,0 %',
      '25,0 %',
    ]);
    expect(parts(el.querySelector('[data-testid=table-food] tbody tr'))).toEqual([
      'Alcaldía de Medellín',
      '$ 100.000.000',
      '$ 20.000.000',
      '20,0 %',
      'No',
    ]);
    expect(parts(el.querySelector('[data-testid=table-funnel] tbody tr'))).toEqual(['Micro', '40', '20', '8', '2', '5,0 %']);
  });

  it('reads the filters of a shared link and builds the downloads with them', async () => {
    const { el, flush } = await open(
      `/informes?from=2025-01-01&to=2025-12-31&department=05&modality=licitacion_publica&buyerOrganizationId=${BUYER_ID}`,
    );
    const req = dashboardRequest();
    const filters = {
      from: '2025-01-01',
      to: '2025-12-31',
      buyerOrganizationId: BUYER_ID,
      department: '05',
      modality: 'licitacion_publica',
    };
    expect(params(req)).toEqual(filters);
    await flush(req, dashboard({ query: filters }));

    const query = `from=2025-01-01&to=2025-12-31&buyerOrganizationId=${BUYER_ID}&department=05&modality=licitacion_publica`;
    expect(el.querySelector('[data-testid=export-department-xlsx]')?.getAttribute('href')).toBe(
      `/api/v1/reports/export?${query}&table=department&format=xlsx`,
    );
    expect(el.querySelector('[data-testid=export-food-csv]')?.getAttribute('href')).toBe(
      `/api/v1/reports/export?${query}&table=food&format=csv`,
    );
    expect(el.querySelector('[data-testid=export-pdf]')?.getAttribute('href')).toBe(`/api/v1/reports/dashboard.pdf?${query}`);
    expect(text(el.querySelector('[data-testid=filter-buyer]'))).toBe('Alcaldía de Medellín');
    expect(text(el.querySelector('[data-testid=filter-department]'))).toBe('Antioquia');
  });

  it('puts a change of filters in the URL and asks for the dashboard once', async () => {
    const { harness, el, flush } = await open();
    await flush(dashboardRequest(), dashboard());

    el.querySelector<HTMLButtonElement>('[data-testid=preset-lastYear]')?.click();
    el.querySelector<HTMLElement>('[data-testid=filter-department] .mat-mdc-select-trigger')?.click();
    await harness.fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((o) => text(o) === 'Antioquia')?.click();
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(`/informes?from=${YEAR - 1}-01-01&to=${YEAR - 1}-12-31&department=05`);
    const req = dashboardRequest();
    expect(params(req)).toEqual({ from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31`, department: '05' });
    await flush(req, dashboard());
    expect(el.querySelector('[data-testid=preset-lastYear]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the processes behind a table cell, page by page, with their downloads', async () => {
    const { harness, el, flush } = await open();
    await flush(dashboardRequest(), dashboard());

    el.querySelector<HTMLButtonElement>('[data-testid=table-department] td.mat-column-nationalShare button')?.click();
    await harness.fixture.whenStable();
    const req = http.expectOne((r) => r.url === PROCESSES);
    expect(params(req)).toEqual({ from: `${YEAR}-01-01`, to: TODAY, department: '05', measure: 'nationalValueCop', page: '1' });
    await flush(req, processPage);

    const panel = document.querySelector('[data-testid=drilldown]');
    expect(text(panel)).toContain('Industria nacional · Antioquia');
    expect(parts(panel?.querySelector('tbody tr'))).toEqual([
      'MED-LP-001-2026',
      'Uniformes para el personal de salud',
      'Alcaldía de Medellín',
      'Antioquia',
      'Licitación pública',
      '12/03/2026',
      '2',
      '$ 600.000.000',
      '$ 750.000.000',
      '$ 800.000.000',
    ]);
    expect(panel?.querySelector('tbody a')?.getAttribute('href')).toBe('/procesos/t-1');
    expect(panel?.querySelector('[data-testid=export-processes-csv]')?.getAttribute('href')).toBe(
      `/api/v1/reports/export?from=${YEAR}-01-01&to=${TODAY}&department=05&table=processes&format=csv&measure=nationalValueCop&page=1`,
    );

    [...(panel?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b) === 'Siguiente')?.click();
    await harness.fixture.whenStable();
    const next = http.expectOne((r) => r.url === PROCESSES);
    expect(params(next)).toMatchObject({ department: '05', measure: 'nationalValueCop', page: '2' });
    await flush(next, { ...processPage, items: [] });
  });

  it('lists the processes behind a headline figure by its measure', async () => {
    const { harness, el, flush } = await open();
    await flush(dashboardRequest(), dashboard());

    el.querySelector<HTMLButtonElement>('[data-testid=figure-singleBidderShare]')?.click();
    await harness.fixture.whenStable();
    const req = http.expectOne((r) => r.url === PROCESSES);
    expect(params(req)).toEqual({ from: `${YEAR}-01-01`, to: TODAY, measure: 'singleBidderProcesses', page: '1' });
    await flush(req, { measure: 'singleBidderProcesses', total: 0, items: [] });
    expect(text(document.querySelector('[data-testid=drilldown]'))).toContain('Ningún proceso aporta a esta cifra.');
  });

  it('says so when no process was decided in the period', async () => {
    const { el, flush } = await open();
    await flush(dashboardRequest(), dashboard({ current: figures({}), updatedAt: null }));
    expect(text(el.querySelector('[data-testid=empty]'))).toContain('No hay procesos decididos en este periodo');
    expect(el.querySelector('[data-testid=figure-awardedValueCop]')).toBeNull();
    expect(el.querySelector('[data-testid=export-pdf]')).not.toBeNull();
  });

  it('shows a failure with a retry, and field errors next to their filter', async () => {
    const { harness, el } = await open(`/informes?from=2026-05-01&to=2026-04-01`);
    expect(text(el.querySelector('[data-testid=loading]'))).toBe('Cargando el informe…');
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'invalid',
      errors: [{ pointer: '/to', field: 'to', code: 'period_order', messages: ['The period must end on or after its first day.'] }],
    };
    dashboardRequest().flush(problem, { status: 400, statusText: 'Bad Request' });
    await harness.fixture.whenStable();
    expect(text(el.querySelector('mat-error'))).toBe('La fecha final debe ser igual o posterior a la inicial.');
    expect(el.querySelector('[data-testid=failure]')).toBeNull();
  });

  it('retries after the server could not answer', async () => {
    const { harness, el, flush } = await open();
    dashboardRequest().flush({ type: 'about:blank', title: 'Error', status: 500, code: 'internal' }, { status: 500, statusText: 'Error' });
    await harness.fixture.whenStable();
    const failure = el.querySelector('[data-testid=failure]');
    expect(text(failure)).toContain('Algo salió mal');
    failure?.querySelector('button')?.click();
    await harness.fixture.whenStable();
    await flush(dashboardRequest(), dashboard());
    expect(el.querySelector('[data-testid=failure]')).toBeNull();
    expect(el.querySelector('[data-testid=figure-awardedValueCop]')).not.toBeNull();
  });

  it('pins a buyer to its own organization', async () => {
    const { el, flush } = await open(`/informes?buyerOrganizationId=0d1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f`, 'buyer');
    const req = dashboardRequest();
    expect(params(req)).toEqual({ from: `${YEAR}-01-01`, to: TODAY });
    await flush(req, dashboard());
    expect(el.querySelector('mat-select[data-testid=filter-buyer]')).toBeNull();
    expect(text(el.querySelector('[data-testid=filter-buyer]'))).toBe('Entidad: Alcaldía de Medellín');
  });
});
