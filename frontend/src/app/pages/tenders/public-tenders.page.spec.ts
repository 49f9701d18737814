import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Location } from '@angular/common';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SearchSuggestion, TenderSearchResult, TenderSummary } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { PublicTendersPage } from './public-tenders.page';
import { signedIn, tenderView } from './tender-view.fixture';

@Component({ template: 'tender page' })
class TenderStub {}

const SEARCH = '/api/v1/public/tenders';
const DAY = 86_400_000;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const params = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function result(items: TenderSummary[], overrides: Partial<TenderSearchResult> = {}): TenderSearchResult {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    facets: {
      status: [
        { value: 'open', count: 7 },
        { value: 'closed', count: 3 },
      ],
      modality: [{ value: 'minima_cuantia', count: 4 }],
      department: [
        { value: '05', count: 5 },
        { value: '76', count: 2 },
      ],
      segment: [{ value: '53', count: 6 }],
      reserved: [{ value: 'mipymes', count: 3 }],
      productiveBet: [{ value: 'health', count: 1 }],
    },
    ...overrides,
  };
}

describe('PublicTendersPage (tender search)', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'procesos', component: PublicTendersPage },
          { path: 'procesos/:tenderId', component: TenderStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  const url = () => TestBed.inject(Router).url;
  const search = () => http.expectOne((req) => req.url === SEARCH);
  const stable = () => harness.fixture.whenStable();

  /** Opens the page at a URL, answering the reference look-ups; returns the search request. */
  async function open(path: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(path);
    http.expectOne('/api/v1/reference/divipola/departments').flush([
      { code: '05', name: 'ANTIOQUIA' },
      { code: '76', name: 'VALLE DEL CAUCA' },
    ]);
    http
      .expectOne((req) => req.url === '/api/v1/reference/unspsc' && !req.params.has('parent'))
      .flush([{ code: '53', level: 'segment', name: 'Ropa, maletas y aseo personal', parentCode: null }]);
    return search();
  }

  async function type(value: string): Promise<void> {
    const box = el().querySelector<HTMLInputElement>('[data-testid=search-box]') as HTMLInputElement;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new Event('focusin'));
    await stable();
  }

  it('searches calls a supplier can still act on when the URL names no status, and shows that as a chosen filter that can be cleared', async () => {
    const req = await open('/procesos');
    expect(params(req)).toEqual({ status: 'active', page: '1', pageSize: '20' });
    req.flush(result([tenderView()]));
    await stable();

    const active = 'Estado: Activos (proyecto de pliego o abiertos)';
    expect(text(el().querySelector('[data-testid=chosen]'))).toContain(active);
    const chosenFacet = el().querySelector('[data-testid=facet-status] a[aria-current=true]');
    expect(text(chosenFacet)).toBe('Activos (proyecto de pliego o abiertos) (7)');

    el().querySelector<HTMLButtonElement>(`button[aria-label="Quitar el filtro ${active}"]`)?.click();
    await stable();
    expect(url()).toBe('/procesos?status=all');
    // "all" stays in the URL; the API is asked for no status at all.
    expect(params(search())).toEqual({ page: '1', pageSize: '20' });
  });

  it('reads every filter of a shared link into the API query, and a facet click changes the URL and the search', async () => {
    const req = await open(
      '/procesos?q=uniformes&status=closed&modality=minima_cuantia&budgetMin=1000000&closingTo=2099-12-31&reserved=mipymes&sort=budget&page=3',
    );
    expect(params(req)).toEqual({
      q: 'uniformes',
      status: 'closed',
      modality: 'minima_cuantia',
      budgetMin: '1000000',
      closingTo: '2099-12-31',
      reserved: 'mipymes',
      sort: 'budget',
      page: '3',
      pageSize: '20',
    });
    req.flush(result([tenderView()], { total: 45, page: 3 }));
    await stable();
    expect(el().querySelector<HTMLInputElement>('[data-testid=search-box]')?.value).toBe('uniformes');
    expect(el().querySelector<HTMLInputElement>('input[formcontrolname=budgetMin]')?.value).toBe('1000000');

    const antioquia = Array.from(el().querySelectorAll<HTMLAnchorElement>('[data-testid=facet-department] a')).find(
      (a) => text(a) === 'ANTIOQUIA (5)',
    );
    antioquia?.click();
    await stable();
    // Back to the first page, with everything else kept.
    expect(url()).toBe(
      '/procesos?q=uniformes&status=closed&modality=minima_cuantia&budgetMin=1000000&closingTo=2099-12-31&reserved=mipymes&sort=budget&department=05',
    );
    http.expectOne((r) => r.url === '/api/v1/reference/divipola/municipalities' && r.params.get('department') === '05').flush([]);
    const next = search();
    expect(params(next)).toMatchObject({ department: '05', status: 'closed', page: '1' });
    next.flush(result([]));
    await stable();
    expect(text(el().querySelector('[data-testid=chosen]'))).toContain('Departamento: ANTIOQUIA');
  });

  it('clears a chosen facet value when it is clicked again, with its municipality', async () => {
    (await open('/procesos?department=05&municipality=05001&page=2')).flush(result([]));
    http
      .expectOne((r) => r.url === '/api/v1/reference/divipola/municipalities')
      .flush([{ code: '05001', name: 'MEDELLÍN', departmentCode: '05' }]);
    await stable();
    expect(text(el().querySelector('[data-testid=chosen]'))).toContain('Municipio: MEDELLÍN');
    const chosen = el().querySelector<HTMLAnchorElement>('[data-testid=facet-department] a[aria-current=true]');
    expect(text(chosen)).toBe('ANTIOQUIA (5)');
    chosen?.click();
    await stable();
    expect(url()).toBe('/procesos');
    expect(params(search())).toEqual({ status: 'active', page: '1', pageSize: '20' });
  });

  it('goes back to the search before with the Back button', async () => {
    (await open('/procesos')).flush(result([]));
    // As the app's bootstrap does: the router follows the browser's history from now on.
    TestBed.inject(Router).setUpLocationChangeListener();
    await stable();
    Array.from(el().querySelectorAll<HTMLAnchorElement>('[data-testid=facet-modality] a'))[0].click();
    await stable();
    expect(url()).toBe('/procesos?modality=minima_cuantia');
    expect(params(search())).toEqual({ modality: 'minima_cuantia', status: 'active', page: '1', pageSize: '20' });

    TestBed.inject(Location).back();
    // The browser's history moves, then tells the router.
    await pause(20);
    await stable();
    expect(url()).toBe('/procesos');
    expect(params(search())).toEqual({ status: 'active', page: '1', pageSize: '20' });
  });

  it('offers every status and "active" (the default) as status choices', async () => {
    (await open('/procesos')).flush(result([]));
    await stable();
    const links = Array.from(el().querySelectorAll<HTMLAnchorElement>('[data-testid=facet-status] a'));
    expect(links.map(text)).toEqual([
      'Todos los estados (10)',
      'Activos (proyecto de pliego o abiertos) (7)',
      'Abierto (7)',
      'Cerrado (3)',
    ]);
    links[2].click();
    await stable();
    expect(url()).toBe('/procesos?status=open');
    expect(params(search())).toEqual({ status: 'open', page: '1', pageSize: '20' });
  });

  it('asks for suggestions only from two letters, and a suggestion opens its tender or filters by its class', async () => {
    (await open('/procesos')).flush(result([]));
    await stable();

    await type('u');
    await pause(350);
    http.expectNone((r) => r.url === `${SEARCH}/suggestions`);

    await type('un');
    await pause(350);
    const suggestions: SearchSuggestion[] = [
      { kind: 'tender', text: 'Uniformes para brigadistas', value: 't9' },
      { kind: 'unspsc', text: '531027 Uniformes', value: '531027' },
    ];
    const req = http.expectOne((r) => r.url === `${SEARCH}/suggestions`);
    expect(req.request.params.get('q')).toBe('un');
    req.flush(suggestions);
    await stable();

    const options = () => Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options().map(text)).toEqual(['Uniformes para brigadistas', '531027 Uniformes']);
    // Submitting the words searches them and puts the suggestions away.
    el().querySelector('form[role=search]')?.dispatchEvent(new Event('submit'));
    await stable();
    expect(url()).toBe('/procesos?q=un');
    expect(options()).toHaveLength(0);
    search().flush(result([]));
    await stable();
    await type('uni');
    await pause(350);
    http.expectOne((r) => r.url === `${SEARCH}/suggestions`).flush(suggestions);
    await stable();
    options()[1].click();
    await stable();
    // The class takes the place of the words typed to find it.
    expect(url()).toBe('/procesos?unspsc=531027');
    const filtered = search();
    expect(params(filtered)).toEqual({ unspsc: '531027', status: 'active', page: '1', pageSize: '20' });
    filtered.flush(result([]));
    await stable();
    expect(text(el().querySelector('[data-testid=chosen]'))).toContain('UNSPSC: 531027 Uniformes');

    await type('unif');
    await pause(350);
    http.expectOne((r) => r.url === `${SEARCH}/suggestions`).flush(suggestions);
    await stable();
    options()[0].click();
    await stable();
    expect(url()).toBe('/procesos/t9');
  });

  it('shows on each card what a small firm decides on', async () => {
    const closingAt = new Date(Date.now() + 5 * DAY + 60_000).toISOString();
    (await open('/procesos')).flush(result([tenderView({ closingAt, title: 'Uniformes para el personal de salud' })]));
    await stable();
    const card = el().querySelector('mat-card[role=article]');
    expect(card?.getAttribute('aria-labelledby')).toBe('tender-t1');
    expect(text(el().querySelector('#tender-t1'))).toBe('Uniformes para el personal de salud');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe('/procesos/t1');
    expect(text(card?.querySelector('[data-testid=budget]'))).toBe('$ 150.000.000');
    expect(text(card?.querySelector('[data-testid=place]'))).toBe('Medellín, Antioquia');
    expect(text(card?.querySelector('[data-testid=days-left]'))).toMatch(/^Quedan [56] días$/);
    expect(text(card)).toContain('Hospital San Vicente');
    expect(text(card)).toContain('Selección abreviada de menor cuantía');
    expect(text(card)).toContain('Reservado a mipymes');
    // The closing instant in Bogotá, whatever the browser's zone.
    const bogota = new Intl.DateTimeFormat('es-CO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Bogota' });
    expect(text(card)).toContain(`Cierre: ${bogota.format(new Date(closingAt))}`);
  });

  it('helps when nothing is found: fewer filters, spelling, and an alert', async () => {
    (await open('/procesos?q=unifromes&department=76')).flush(result([]));
    http
      .expectOne((r) => r.url === '/api/v1/reference/divipola/municipalities')
      .flush([{ code: '76001', name: 'CALI', departmentCode: '76' }]);
    await stable();
    const empty = text(el().querySelector('[data-testid=empty]'));
    expect(empty).toContain('Ningún proceso coincide con su búsqueda');
    expect(empty).toContain('Quite uno o varios filtros');
    expect(empty).toContain('Revise la ortografía');
    expect(empty).toContain('Ingrese como proveedor para guardar la búsqueda como alerta');

    Array.from(el().querySelectorAll<HTMLButtonElement>('[data-testid=empty] button'))
      .find((b) => text(b) === 'Quitar todos los filtros')
      ?.click();
    await stable();
    expect(url()).toBe('/procesos?q=unifromes&status=all');
    search().flush(result([]));
  });

  it('shows a range the API refused next to its field', async () => {
    const req = await open('/procesos?budgetMin=900&budgetMax=100');
    req.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'invalid',
        errors: [{ pointer: '/budgetMax', field: 'budgetMax', code: 'out_of_order', messages: ['budgetMax must not be below budgetMin'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(text(el().querySelector('input[formcontrolname=budgetMax]')?.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'Debe ser igual o mayor que el valor «Desde».',
    );
    expect(el().querySelector('[role=alert]')).toBeNull();
  });

  it('lets a signed-in supplier save the search as an alert, with a refused name shown next to the field', async () => {
    TestBed.inject(Session).set(signedIn('supplier', 'supplier_admin'));
    (await open('/procesos?q=uniformes&department=05')).flush(result([tenderView()]));
    http.expectOne((r) => r.url === '/api/v1/reference/divipola/municipalities').flush([]);
    await stable();

    el().querySelector<HTMLButtonElement>('[data-testid=save-search]')?.click();
    await stable();
    const name = el().querySelector<HTMLInputElement>('[data-testid=alert-name]') as HTMLInputElement;
    expect(name.value).toBe('uniformes');
    name.value = 'Uniformes en Antioquia';
    name.dispatchEvent(new Event('input'));
    name.closest('form')?.dispatchEvent(new Event('submit'));
    let req = http.expectOne({ method: 'POST', url: '/api/v1/saved-searches' });
    expect(req.request.body).toEqual({ name: 'Uniformes en Antioquia', query: { q: 'uniformes', department: '05', status: 'active' } });
    req.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'invalid',
        errors: [{ pointer: '/name', field: 'name', code: 'too_long', messages: [] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(text(name.closest('mat-form-field')?.querySelector('mat-error'))).toBe('El texto es demasiado largo.');

    name.value = 'Uniformes';
    name.dispatchEvent(new Event('input'));
    name.closest('form')?.dispatchEvent(new Event('submit'));
    req = http.expectOne({ method: 'POST', url: '/api/v1/saved-searches' });
    req.flush({ id: 's1', name: 'Uniformes', query: req.request.body.query, createdAt: '2026-03-02T15:00:00.000Z' });
    await stable();
    expect(text(el().querySelector('esl-save-search'))).toContain('Alerta «Uniformes» guardada');
  });
});
