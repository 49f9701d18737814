import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { QuestionView, TenderView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { PublicTenderPage } from './public-tender.page';
import { signedIn, tenderView } from './tender-view.fixture';

const URL = '/api/v1/public/tenders/t1';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const answered: QuestionView = {
  id: 'q1',
  lotId: 'lot-1',
  text: '¿Se aceptan tallas especiales?',
  askedAt: '2026-03-03T15:00:00.000Z',
  answer: 'Sí, hasta el 10 % del total.',
  answeredAt: '2026-03-04T15:00:00.000Z',
  mine: true,
};

describe('PublicTenderPage', () => {
  let controller: HttpTestingController;
  const http = () => controller;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    controller = TestBed.inject(HttpTestingController);
  });
  afterEach(() => controller.verify());

  async function render(tender: TenderView, session = signedIn('supplier', 'supplier_admin')) {
    TestBed.inject(Session).set(session);
    const fixture = TestBed.createComponent(PublicTenderPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http().expectOne(URL).flush(tender);
    http()
      .expectOne(`${URL}/questions`)
      .flush([answered, { ...answered, id: 'q2', answer: null, answeredAt: null, mine: false }]);
    http().expectOne(`${URL}/versions`).flush([]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('says when bids close, in days and hours, and what each badge means', async () => {
    const closingAt = new Date(Date.now() + ((3 * 24 + 4) * 60 + 30) * 60_000).toISOString();
    const { el } = await render(tenderView({ closingAt }));
    expect(text(el.querySelector('[data-testid=countdown]'))).toBe('Cierra en 3 días 4 horas');
    expect(text(el.querySelector('[data-testid=budget]'))).toBe('$ 150.000.000');
    const badges = [...el.querySelectorAll('[data-testid=badges] li')].map((li) => [
      text(li.querySelector('strong')),
      text(li.querySelector('span')),
    ]);
    expect(badges).toEqual([
      ['Convocatoria susceptible de limitarse a mipymes', expect.stringContaining('lo solicitan hasta el domingo, 1 de marzo de 2099')],
      ['Reservado a mipymes', 'Al menos un lote solo recibe ofertas de micro, pequeñas y medianas empresas.'],
    ]);
  });

  it('lists answers without who asked, marking only the reader’s own question', async () => {
    const { el } = await render(tenderView());
    const items = [...el.querySelectorAll('[data-testid=questions] > li')].map(text);
    expect(items[0]).toContain('Su pregunta');
    expect(items[0]).toContain('Sí, hasta el 10 % del total.');
    expect(items[1]).not.toContain('Su pregunta');
    expect(items[1]).toContain('Sin respuesta todavía.');
  });

  it('lets a supplier ask about a lot until the questions deadline', async () => {
    const { fixture, el } = await render(tenderView());
    const component = fixture.componentInstance as unknown as { form: PublicTenderPage['form'] };
    component.form.patchValue({ lotId: 'lot-1' });
    const question = el.querySelector<HTMLTextAreaElement>('[data-testid=question]') as HTMLTextAreaElement;
    question.value = '¿Cuál es el plazo de entrega?';
    question.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    const req = http().expectOne({ method: 'POST', url: '/api/v1/tenders/t1/questions' });
    expect(req.request.body).toEqual({ text: '¿Cuál es el plazo de entrega?', lotId: 'lot-1' });
    req.flush({ ...answered, id: 'q3', text: '¿Cuál es el plazo de entrega?', answer: null, answeredAt: null });
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=questions] > li')).toHaveLength(3);
    expect(text(el)).toContain('Su pregunta quedó publicada');
  });

  it('asks a visitor to sign in instead', async () => {
    const { el } = await render(tenderView(), { authenticated: false });
    expect(el.querySelector('[data-testid=question]')).toBeNull();
    expect(el.querySelector('[data-testid=follow]')).toBeNull();
    expect(el.querySelector('a[href^="/ingresar"]')?.getAttribute('href')).toBe('/ingresar?volver=%2Fprocesos%2Ft1');
  });
});
