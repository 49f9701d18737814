import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { QuestionView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { TenderManagePage } from './tender-manage.page';
import { TenderQuestions } from './tender-questions';
import { signedIn, tenderView } from './tender-view.fixture';

const question: QuestionView = {
  id: 'q1',
  lotId: null,
  text: '¿Puede entregarse por partes?',
  askedAt: '2026-03-03T15:00:00.000Z',
  answer: null,
  answeredAt: null,
  mine: false,
};

describe('TenderManagePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(TenderManagePage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    respond();
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function respond(tender = tenderView({ allowedTransitions: ['start_evaluation', 'cancel'] })) {
    http.expectOne('/api/v1/tenders/t1').flush(tender);
    http.expectOne('/api/v1/public/tenders/t1/questions').flush([question]);
    http.expectOne('/api/v1/public/tenders/t1/versions').flush([]);
    http.expectOne('/api/v1/tenders/t1/mipyme-requests').flush([]);
  }

  it('offers the transitions the tender allows, and asks why before cancelling', async () => {
    const { fixture, el } = await render();
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('[data-transition]')];
    expect(buttons.map((b) => b.dataset['transition'])).toEqual(['start_evaluation', 'cancel']);
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Iniciar la evaluación', 'Cancelar el proceso']);

    buttons[1].click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    http.expectNone('/api/v1/tenders/t1/transitions');

    const reason = el.querySelector<HTMLTextAreaElement>('[data-testid=reason]') as HTMLTextAreaElement;
    reason.value = 'La necesidad desapareció.';
    reason.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid=confirm]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/tenders/t1/transitions' });
    expect(req.request.body).toEqual({ transition: 'cancel', reason: 'La necesidad desapareció.' });
    req.flush(tenderView({ status: 'cancelled', statusReason: 'La necesidad desapareció.' }));
    respond(tenderView({ status: 'cancelled', statusReason: 'La necesidad desapareció.' }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=status]')?.textContent?.trim()).toBe('Cancelado');
    expect(el.querySelectorAll('[data-transition]')).toHaveLength(0);
  });

  it('answers an open question in place', async () => {
    // The Preguntas tab holds this list in answerable mode.
    const fixture = TestBed.createComponent(TenderQuestions);
    fixture.componentRef.setInput('tenderId', 't1');
    fixture.componentRef.setInput('questions', [question]);
    fixture.componentRef.setInput('lots', []);
    fixture.componentRef.setInput('answerable', true);
    const answered: QuestionView[] = [];
    fixture.componentInstance.answered.subscribe((q) => answered.push(q));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const answer = el.querySelector<HTMLTextAreaElement>('[data-testid=answer-q1]') as HTMLTextAreaElement;
    answer.value = 'Sí, en dos entregas.';
    answer.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/tenders/t1/questions/q1/answer' });
    expect(req.request.body).toEqual({ answer: 'Sí, en dos entregas.' });
    const done = { ...question, answer: 'Sí, en dos entregas.', answeredAt: '2026-03-04T15:00:00.000Z' };
    req.flush(done);
    expect(answered).toEqual([done]);
  });
});
