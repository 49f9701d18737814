import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RuleParameterVersionView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { RuleParametersPage } from './rule-parameters.page';

const VERSIONS = '/api/v1/reference/rule-parameters';

function version(parameter: RuleParameterVersionView['parameter'], period: string, value: unknown): RuleParameterVersionView {
  return {
    id: `${parameter}-${period}`,
    parameter,
    period,
    value,
    validFrom: '2026-01-01',
    source: 'DIAN, Resolución 000238 de 2025',
    note: null,
    createdAt: '2025-12-15T15:00:00.000Z',
    current: true,
  };
}

const thresholds = {
  manufactura: { micro: 23563, pequena: 204995, mediana: 1736565 },
  servicios: { micro: 32988, pequena: 131951, mediana: 483034 },
  comercio: { micro: 44769, pequena: 431196, mediana: 2160692 },
};

const minima = {
  draftBeforeOpening: null,
  observationsBeforeOpening: null,
  mipymeRequestBeforeOpening: null,
  openingToClosing: 2,
  questionsBeforeClosing: 1,
  closingToReport: 1,
  commentDays: 1,
  reportToAward: 1,
  adendaBeforeClosing: 1,
};
const schedules = { minima_cuantia: minima, contratacion_directa: null };

describe('RuleParametersPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [RuleParametersPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'admin@eslabon.co', name: 'Admin', locale: 'es-CO' },
      memberships: [{ organizationId: 'p', organizationName: 'Plataforma', kind: 'platform', status: 'active', role: 'admin' }],
      activeOrganizationId: 'p',
    });
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(RuleParametersPage);
    http
      .expectOne(VERSIONS)
      .flush([
        version('uvt', '2026', 52374),
        version('size_thresholds', 'all', thresholds),
        version('schedule_defaults', 'all', schedules),
      ]);
    await fixture.whenStable();
    http.expectOne('/api/v1/reference/unspsc/synonyms').flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
      await fixture.whenStable();
    };
    const errors = () => Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    return { fixture, el, type, submit, errors };
  }

  it('shows each version readably: pesos, and thresholds as a sector table', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid=versions-uvt]')?.textContent).toMatch(/2026\s*Vigente[\s\S]*\$\s52\.374/);
    const rows = Array.from(el.querySelectorAll('[data-testid=versions-size_thresholds] tbody tr')).map((r) =>
      Array.from(r.children).map((cell) => cell.textContent?.trim()),
    );
    expect(rows[1]).toEqual(['Servicios', '32.988', '131.951', '483.034']);
    const schedule = Array.from(el.querySelectorAll('[data-testid=versions-schedule_defaults] tbody tr')).map((r) =>
      Array.from(r.children).map((cell) => cell.textContent?.trim()),
    );
    expect(schedule).toContainEqual(['Mínima cuantía', '—', '—', '—', '2', '1', '1', '1', '1', '1']);
    expect(schedule).toContainEqual(['Contratación directa', 'sin convocatoria pública']);
  });

  it('refuses a bad value in the browser with the server’s words, naming the part', async () => {
    const { fixture, type, submit, errors } = await render();
    await type('input[formcontrolname=value]', '52.374,5');
    await type('input[formcontrolname=validFrom]', '2026-01-01');
    await type('input[formcontrolname=source]', 'DIAN');
    await submit();
    expect(errors()).toEqual(['Escriba un número entero mayor que cero.']);

    // A structured parameter starts from the value in force, as JSON.
    fixture.componentInstance['form'].controls.parameter.setValue('size_thresholds');
    await fixture.whenStable();
    const json = fixture.nativeElement.querySelector('textarea[formcontrolname=value]') as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual(thresholds);
    await type('textarea[formcontrolname=value]', json.value.replace('131951', '30000'));
    await submit();
    expect(errors()).toEqual(['Debe cumplirse micro < pequeña < mediana. En: servicios']);
    http.expectNone(VERSIONS);
  });

  it('shows the server’s refusal next to the field it names', async () => {
    const { fixture, type, submit, errors } = await render();
    await type('input[formcontrolname=period]', '2027');
    await type('input[formcontrolname=value]', '53000');
    await type('input[formcontrolname=validFrom]', '2027-01-01');
    await type('input[formcontrolname=source]', 'DIAN');
    await submit();
    const req = http.expectOne({ method: 'POST', url: VERSIONS });
    expect(req.request.body).toEqual({ parameter: 'uvt', period: '2027', value: 53000, validFrom: '2027-01-01', source: 'DIAN' });
    req.flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'validation_failed',
        errors: [{ pointer: '/validFrom', field: 'validFrom', code: 'date', messages: ['validFrom must be a date'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(errors()).toEqual(['Escriba una fecha válida (AAAA-MM-DD).']);
  });
});
