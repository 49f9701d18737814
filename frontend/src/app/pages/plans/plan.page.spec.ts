import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PlanLineView, Role } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { useHttpTesting } from '../../../testing/http-testing';
import { PlanPage } from './plan.page';
import { planLine } from './plan-line.fixture';
import { bogotaYear } from './plan-text';

const YEAR = bogotaYear();
const LINES = '/api/v1/buyers/org-1/plan-lines';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('PlanPage', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;

  beforeEach(() => {
    http = httpTesting();
  });

  async function render(role: Role = 'buyer_admin', lines: PlanLineView[] = []) {
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'compras@boyaca.gov.co', name: 'Compras', locale: 'es-CO' },
      memberships: [{ organizationId: 'org-1', organizationName: 'Gobernación de Boyacá', kind: 'state_entity', status: 'active', role }],
      activeOrganizationId: 'org-1',
    });
    const fixture = TestBed.createComponent(PlanPage);
    await fixture.whenStable();
    http.expectOne(`${LINES}?year=${YEAR}`).flush(lines);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const form = fixture.componentInstance['form'];
    const type = async (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const button = (label: string) => [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      await fixture.whenStable();
    };
    return { fixture, el, form, type, button, submit };
  }

  it('lists the year’s lines with their value in pesos and the suppliers interested', async () => {
    const { el } = await render('buyer', [planLine(), planLine({ id: 'line-2', published: false, publishedAt: null, interestCount: 0 })]);
    const cards = el.querySelectorAll('[data-testid=plan-lines] mat-card');
    expect(cards.length).toBe(2);
    expect(text(cards[0])).toContain('Publicada');
    expect(text(cards[0].querySelector('[data-testid=interest-count]'))).toBe('Proveedores interesados: 3');
    expect(text(cards[0].querySelector('[data-testid=plan-value]'))).toBe('Valor estimado: $ 230.000.000');
    expect(text(cards[0])).toContain(`Inicio previsto: marzo de ${YEAR}`);
    expect(text(cards[0])).toContain('Selección abreviada');
    expect(text(el.querySelector('[data-testid=plan-total]'))).toBe('Valor estimado del plan: $ 460.000.000');
    // Only drafts can be published or deleted.
    expect([...cards[0].querySelectorAll('button')].map(text)).toEqual(['Editar']);
    expect([...cards[1].querySelectorAll('button')].map(text)).toEqual(['Editar', 'Publicar', 'Eliminar']);
  });

  it('checks pesos in the browser, then puts the server’s refusals next to their fields', async () => {
    const { fixture, el, form, type, submit } = await render();
    await type('textarea[formcontrolname=description]', '  Botas de seguridad  ');
    form.patchValue({ unspscClasses: ['461816', '999999'], expectedMonth: 2, modality: 'minima_cuantia' });
    await type('input[formcontrolname=estimatedValueCop]', '12,5');
    await submit();
    expect(form.controls.estimatedValueCop.errors).toEqual({ server: 'money' });
    expect(text(el.querySelector('[data-testid=value-error]'))).toBe('Escriba un valor en pesos, sin decimales.');
    http.expectNone({ method: 'POST', url: LINES });

    await type('input[formcontrolname=estimatedValueCop]', '$ 80.000.000');
    await submit();
    const req = http.expectOne({ method: 'POST', url: LINES });
    expect(req.request.body).toEqual({
      year: YEAR,
      description: 'Botas de seguridad',
      unspscClasses: ['461816', '999999'],
      estimatedValueCop: '80000000',
      expectedMonth: 2,
      modality: 'minima_cuantia',
      productiveBet: null,
    });
    req.flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        errors: [
          {
            pointer: '/unspscClasses',
            field: 'unspscClasses',
            code: 'unknown_unspsc_class',
            messages: ['No UNSPSC class has code 999999'],
          },
          { pointer: '/year', field: 'year', code: 'too_large', messages: ['year must not be greater than 2100'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(form.controls.unspscClasses.errors).toEqual({ server: 'unknown_unspsc_class' });
    expect(text(el.querySelector('[data-testid=classes] .error'))).toBe('No existe una clase UNSPSC con ese código.');
    expect(text(el.querySelector('[data-testid=year-error]'))).toBe('El valor es demasiado grande.');
    // Every refusal sits next to its field: nothing is left for the message above the buttons.
    expect(el.querySelector('[role=alert]')).toBeNull();
    // Nothing was saved, so the list is not asked for again.
    http.expectNone(`${LINES}?year=${YEAR}`);
  });

  it('edits a published line, then publishes and deletes a draft', async () => {
    const draft = planLine({ id: 'line-2', published: false, publishedAt: null, interestCount: 0, description: 'Borrador' });
    const { fixture, el, form, button, submit } = await render('buyer_admin', [planLine(), draft]);
    const cards = () => el.querySelectorAll('[data-testid=plan-lines] mat-card');
    [...cards()[0].querySelectorAll('button')].find((b) => text(b) === 'Editar')?.click();
    await fixture.whenStable();
    expect(text(el.querySelector('#plan-form-title'))).toBe('Editar la línea');
    expect(el.textContent).toContain('Esta línea ya es pública');
    expect(el.querySelector('esl-unspsc-picker mat-chip')?.textContent).toContain('531027 · Uniformes');
    form.patchValue({ expectedMonth: 6 });
    await submit();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/plan-lines/line-1' });
    expect(put.request.body).toMatchObject({ expectedMonth: 6, estimatedValueCop: '230000000', productiveBet: 'territories' });
    put.flush(planLine({ expectedMonth: 6 }));
    await fixture.whenStable();
    http.expectOne(`${LINES}?year=${YEAR}`).flush([planLine({ expectedMonth: 6 }), draft]);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=notice]'))).toBe('Cambios guardados.');
    expect(text(el.querySelector('#plan-form-title'))).toBe('Nueva línea del plan');

    button('Publicar')?.click();
    http.expectOne({ method: 'POST', url: '/api/v1/plan-lines/line-2/publish' }).flush({ ...draft, published: true });
    await fixture.whenStable();
    http.expectOne(`${LINES}?year=${YEAR}`).flush([planLine({ expectedMonth: 6 }), draft]);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=notice]'))).toBe('Línea publicada: los proveedores ya la ven.');

    // Deleting asks once more before it happens.
    button('Eliminar')?.click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE', url: '/api/v1/plan-lines/line-2' });
    expect(el.textContent).toContain('¿Eliminar este borrador?');
    button('Sí, eliminar')?.click();
    http.expectOne({ method: 'DELETE', url: '/api/v1/plan-lines/line-2' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    http.expectOne(`${LINES}?year=${YEAR}`).flush([planLine({ expectedMonth: 6 })]);
    await fixture.whenStable();
    expect(cards().length).toBe(1);
    expect(text(el.querySelector('[data-testid=notice]'))).toBe('Borrador eliminado.');
  });
});
