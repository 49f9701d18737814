import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PlanLinePage, Role } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { useHttpTesting } from '../../../testing/http-testing';
import { planLine } from './plan-line.fixture';
import { bogotaYear } from './plan-text';
import { PublicPlansPage } from './public-plans.page';

const PUBLIC = '/api/v1/public/plan-lines';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const page = (items = [planLine({ interestCount: 2 })]): PlanLinePage => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('PublicPlansPage', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;

  beforeEach(() => {
    http = httpTesting();
  });

  const listRequest = () => http.expectOne((r) => r.url === PUBLIC);
  const params = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));

  async function render(role: Role | null) {
    if (role)
      TestBed.inject(Session).set({
        authenticated: true,
        user: { id: 'u', email: 'ventas@lamontana.co', name: 'Ventas', locale: 'es-CO' },
        memberships: [{ organizationId: 'sup-1', organizationName: 'La Montaña', kind: 'supplier', status: 'active', role }],
        activeOrganizationId: 'sup-1',
      });
    const fixture = TestBed.createComponent(PublicPlansPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/reference/divipola/departments').flush([
      { code: '05', name: 'Antioquia' },
      { code: '15', name: 'Boyacá' },
    ]);
    const first = listRequest();
    expect(params(first)).toEqual({ year: String(bogotaYear()), page: '1', pageSize: '20' });
    first.flush(page());
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows each published line as a card with its buyer, classes, pesos, month and modality', async () => {
    const { el } = await render(null);
    const card = el.querySelector('[data-testid=plan-lines] mat-card');
    expect(text(card?.querySelector('h2') ?? null)).toBe('Gobernación de Boyacá');
    expect(text(card)).toContain('531027 Uniformes');
    expect(text(card)).toContain('Valor estimado: $ 230.000.000');
    expect(text(card)).toContain(`Inicio previsto: marzo de ${bogotaYear()}`);
    expect(text(card)).toContain('Selección abreviada');
    expect(text(card)).toContain('Proveedores interesados: 2');
    // Visitors are told how to mark interest, and get no button for it.
    expect(el.querySelector('[data-testid=interest]')).toBeNull();
    expect(el.textContent).toContain('Ingrese como proveedor');
  });

  it('lets a signed-in supplier mark and unmark its interest', async () => {
    const { fixture, el } = await render('supplier_member');
    const toggle = () => el.querySelector<HTMLButtonElement>('[data-testid=interest]') as HTMLButtonElement;
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(text(toggle())).toBe('Me interesa');

    toggle().click();
    await fixture.whenStable();
    // A second click while the first is on its way sends nothing more.
    toggle().click();
    http.expectOne({ method: 'PUT', url: '/api/v1/plan-lines/line-1/interest' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(el.textContent).toContain('Proveedores interesados: 3');
    expect(el.textContent).toContain('Marcó interés en esta línea.');

    toggle().click();
    http.expectOne({ method: 'DELETE', url: '/api/v1/plan-lines/line-1/interest' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(el.textContent).toContain('Proveedores interesados: 2');
  });

  it('keeps the mark as it was when the server refuses it', async () => {
    const { fixture, el } = await render('supplier_admin');
    el.querySelector<HTMLButtonElement>('[data-testid=interest]')?.click();
    http
      .expectOne({ method: 'PUT', url: '/api/v1/plan-lines/line-1/interest' })
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'plan_line_not_found' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=interest]')?.getAttribute('aria-pressed')).toBe('false');
    expect(el.querySelector('[role=alert]')).not.toBeNull();
  });

  it('filters by year, UNSPSC class or family and department, starting again at the first page', async () => {
    const { fixture } = await render(null);
    const page1 = fixture.componentInstance as unknown as {
      change(f: object): void;
      go(p: number): void;
      chooseUnspsc(n: object): void;
      clear(): void;
    };
    page1.go(2);
    await fixture.whenStable();
    expect(params(listRequest())).toMatchObject({ page: '2' });
    page1.chooseUnspsc({ code: '5310', level: 'family', name: 'Ropa', parentCode: '53' });
    await fixture.whenStable();
    expect(params(listRequest())).toEqual({ year: String(bogotaYear()), unspsc: '5310', page: '1', pageSize: '20' });
    page1.change({ department: '15' });
    await fixture.whenStable();
    expect(params(listRequest())).toEqual({ year: String(bogotaYear()), unspsc: '5310', department: '15', page: '1', pageSize: '20' });
    page1.clear();
    await fixture.whenStable();
    expect(params(listRequest())).toEqual({ page: '1', pageSize: '20' });
  });
});
