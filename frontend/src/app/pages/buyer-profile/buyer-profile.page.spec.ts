import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BuyerProfileView, Role } from '@eslabon/contracts';
import { nitCheckDigit } from '@eslabon/domain';
import { Session } from '../../core/session/session.service';
import { BuyerProfilePage } from './buyer-profile.page';

const PROFILE = '/api/v1/buyers/org-1/profile';
const NIT = '890900608';
const DV = String(nitCheckDigit(NIT));

const saved: BuyerProfileView = {
  organizationId: 'org-1',
  legalName: 'Alcaldía de Medellín',
  entityKind: 'territorial_public',
  regime: 'egcap',
  regimeReference: null,
  nit: NIT,
  checkDigit: DV,
  municipality: '05001',
  departmentCode: '05',
  annualBudgetSmmlv: 1_500_000,
  productiveBets: ['health'],
  cuantias: {
    smmlvYear: 2026,
    menorCuantiaSmmlv: 1000,
    menorCuantiaCop: '1750905000',
    minimaCuantiaCop: '175090500',
    bandVersionId: 'b1',
  },
  updatedAt: '2026-02-01T15:00:00.000Z',
};

describe('BuyerProfilePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [BuyerProfilePage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(role: Role, respond: (req: ReturnType<HttpTestingController['expectOne']>) => void) {
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'compras@medellin.gov.co', name: 'Compras', locale: 'es-CO' },
      memberships: [{ organizationId: 'org-1', organizationName: 'Alcaldía de Medellín', kind: 'state_entity', status: 'active', role }],
      activeOrganizationId: 'org-1',
    });
    const fixture = TestBed.createComponent(BuyerProfilePage);
    await fixture.whenStable();
    respond(http.expectOne(PROFILE));
    await fixture.whenStable();
    // The municipality picker lists the departments, and the municipalities of the chosen one.
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'Antioquia' }]);
    http
      .match((req) => req.url === '/api/v1/reference/divipola/municipalities')
      .forEach((req) => req.flush([{ code: '05001', name: 'Medellín', departmentCode: '05' }]));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      await fixture.whenStable();
    };
    return { fixture, el, type, submit };
  }

  const notFound = (req: ReturnType<HttpTestingController['expectOne']>) =>
    req.flush(
      { type: 'about:blank', title: 'Not Found', status: 404, code: 'profile_not_found' },
      { status: 404, statusText: 'Not Found' },
    );

  it('shows the saved profile and its cuantías in pesos', async () => {
    const { el } = await render('buyer_admin', (req) => req.flush(saved));
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=nit]')?.value).toBe(NIT);
    expect(el.querySelector('[data-testid=menor-cuantia]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Menor cuantía: hasta 1.000 SMMLV, es decir $ 1.750.905.000 con el SMMLV de 2026.',
    );
    expect(el.querySelector('[data-testid=minima-cuantia]')?.textContent?.replace(/\s+/g, ' ')).toContain('$ 175.090.500');
  });

  it('checks the check digit in the browser, then shows the server’s refusal next to the NIT', async () => {
    const { fixture, el, type, submit } = await render('buyer_admin', notFound);
    expect(el.querySelector('[role=alert]')).toBeNull();
    const form = fixture.componentInstance['form'];
    form.patchValue({ entityKind: 'territorial_public', municipality: '05001' });
    http
      .expectOne('/api/v1/reference/divipola/municipalities?department=05')
      .flush([{ code: '05001', name: 'Medellín', departmentCode: '05' }]);
    await type('nit', NIT);
    await type('checkDigit', String((Number(DV) + 1) % 10));
    await type('annualBudgetSmmlv', '1500000');
    await submit();
    expect(form.controls.checkDigit.errors).toEqual({ server: 'nit_check_digit' });
    http.expectNone({ method: 'PUT', url: PROFILE });

    await type('checkDigit', DV);
    await submit();
    const req = http.expectOne({ method: 'PUT', url: PROFILE });
    expect(req.request.body).toEqual({
      entityKind: 'territorial_public',
      regime: 'egcap',
      regimeReference: null,
      nit: NIT,
      checkDigit: DV,
      municipality: '05001',
      annualBudgetSmmlv: 1500000,
      productiveBets: [],
    });
    req.flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'validation_failed',
        errors: [{ pointer: '/nit', field: 'nit', code: 'not_allowed', messages: ['nit belongs to another organization'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=nit-error]')?.textContent?.trim()).toBe('Este valor no está permitido.');
  });

  it('is read-only for buyers', async () => {
    const { el } = await render('buyer', (req) => req.flush(saved));
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=nit]')?.disabled).toBe(true);
    expect(el.querySelector('button[type=submit]')).toBeNull();
    expect(el.textContent).toContain('Solo el administrador de compras');
  });
});
