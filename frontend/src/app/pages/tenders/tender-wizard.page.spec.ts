import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RuleParameterVersionView } from '@eslabon/contracts';
import { defaultSchedule, type ScheduleRule } from '@eslabon/domain';
import { Session } from '../../core/session/session.service';
import { signedIn } from './tender-view.fixture';
import { TenderWizardPage } from './tender-wizard.page';

const rule: ScheduleRule = {
  draftBeforeOpening: 5,
  observationsBeforeOpening: 3,
  mipymeRequestBeforeOpening: 1,
  openingToClosing: 10,
  questionsBeforeClosing: 3,
  closingToReport: 5,
  commentDays: 3,
  reportToAward: 5,
};
const defaults: RuleParameterVersionView = {
  id: 'v1',
  parameter: 'schedule_defaults',
  period: '2026',
  value: { seleccion_abreviada_menor_cuantia: rule, contratacion_directa: null },
  validFrom: '2026-01-01',
  source: 'Decreto 1082 de 2015',
  note: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  current: true,
};
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('TenderWizardPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(TenderWizardPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'Antioquia' }]);
    http.expectOne('/api/v1/reference/rule-parameters').flush([defaults]);
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as {
      form: TenderWizardPage['form'];
      openingDate: TenderWizardPage['openingDate'];
    };
    return { fixture, page, el: fixture.nativeElement as HTMLElement };
  }

  /** The match counts are asked for after a pause in typing. */
  async function answerMatches(fixture: { whenStable(): Promise<unknown> }) {
    await new Promise((resolve) => setTimeout(resolve, 450));
    http.match('/api/v1/tenders/lot-match-counts').forEach((req) =>
      req.flush(
        req.request.body.lots.map(() => ({
          total: 7,
          bySize: { micro: 3, pequena: 2, mediana: 1, grande: 1, unclassified: 0 },
          inDepartment: 4,
        })),
      ),
    );
    await fixture.whenStable();
  }

  it('proposes the schedule from the modality’s defaults and checks the dates the buyer moves', async () => {
    const { fixture, page, el } = await render();
    page.form.controls.modality.setValue('seleccion_abreviada_menor_cuantia');
    page.openingDate.setValue('2026-03-02');
    await fixture.whenStable();
    [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Calcular plazos')?.click();
    await fixture.whenStable();
    const expected = defaultSchedule('2026-03-02', rule);
    expect(page.form.controls.schedule.getRawValue()).toEqual(expected);
    expect(text(el)).toContain('lunes, 2 de marzo de 2026');

    // A Saturday closing is refused next to the field, in the words the API uses.
    page.form.controls.schedule.controls.closing.setValue('2026-03-21');
    await fixture.whenStable();
    expect(page.form.controls.schedule.controls.closing.errors).toEqual({ server: 'not_business_day' });
    expect(text(el.querySelector('[data-testid=schedule-error-closing]'))).toBe('Debe ser un día hábil en Colombia.');
    await answerMatches(fixture);
  });

  it('adds up the lots, and puts a refused UNSPSC class on its lot', async () => {
    const { fixture, page, el } = await render();
    expect(el.querySelector('[data-testid=criteria-ok]')).not.toBeNull();
    page.form.patchValue({
      title: 'Uniformes',
      description: 'Dotación anual',
      modality: 'seleccion_abreviada_menor_cuantia',
      executionDepartment: '05',
    });
    http.expectOne('/api/v1/reference/divipola/municipalities?department=05').flush([]);
    [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Agregar un lote')?.click();
    const lot = { description: '', quantity: '10', unit: 'unidades', unspscClasses: ['999999'] };
    page.form.controls.lots.at(0).patchValue({ ...lot, title: 'Batas', estimatedValueCop: '1.500.000' });
    page.form.controls.lots.at(1).patchValue({ ...lot, title: 'Gorros', estimatedValueCop: '2500000' });
    page.openingDate.setValue('2026-03-02');
    await fixture.whenStable();
    [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Calcular plazos')?.click();
    await answerMatches(fixture);
    expect(text(el.querySelector('[data-testid=total]'))).toBe('Valor estimado total: $ 4.000.000');
    expect(text(el.querySelector('[data-testid=matches-0]'))).toContain('7 proveedores posibles (Micro: 3, Pequeñas: 2');

    el.querySelector<HTMLButtonElement>('[data-testid=save]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/buyers/org-1/tenders' });
    expect(req.request.body.estimatedValueCop).toBe('4000000');
    expect(req.request.body.lots.map((l: { estimatedValueCop: string }) => l.estimatedValueCop)).toEqual(['1500000', '2500000']);
    req.flush(
      {
        type: 'about:blank',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'validation_failed',
        errors: [{ pointer: '/lots/0/unspscClasses', field: 'lots.0.unspscClasses', code: 'unknown_unspsc_class', messages: ['unknown'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(page.form.controls.lots.at(0).controls.unspscClasses.errors).toEqual({ server: 'unknown_unspsc_class' });
    expect(text(el.querySelector('[data-testid=lot-0] esl-unspsc-picker .error'))).toBe('No existe una clase UNSPSC con ese código.');
    expect(text(el.querySelector('[role=alert]'))).toBe('');
  });
});
