import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ContractView, EvaluationReport, LotRanking } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { bogotaDay } from '../../core/time/bogota-time';
import { signedIn } from '../tenders/tender-view.fixture';
import { AwardPage } from './award.page';
import { awardView, evaluatedTender, report } from './evaluation.fixture';

const API = '/api/v1/tenders/t1';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const nobodyQualified: LotRanking = { lotId: 'lot-2', lotTitle: 'Gorros', lines: [], tieBreaks: [], excluded: [] };
const yesterday = () => bogotaDay(Date.now() - 86_400_000);
const contract: ContractView = {
  id: 'c1',
  status: 'active',
  valueCop: '140000000',
  startDate: '2026-04-15',
  endDate: '2026-10-15',
  nationalComponentPercent: 100,
  rating: null,
  completedAt: null,
  terminationReason: null,
};

describe('AwardPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(published: EvaluationReport) {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(AwardPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne(API).flush(evaluatedTender());
    http.expectOne(`${API}/awards`).flush([]);
    http.expectOne(`${API}/evaluation/report`).flush(published);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (selector: string, value: string) => {
      const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!field) throw new Error(`No ${selector}`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (selector: string) => {
      el.querySelector<HTMLElement>(selector)?.click();
      await fixture.whenStable();
    };
    return { fixture, el, type, click };
  }

  it('awards each lot to the first ranked or declares it void, and a void lot needs its reasons first', async () => {
    const { fixture, el, type, click } = await render(
      report({ commentUntil: yesterday(), rankings: [report().rankings[0], nobodyQualified] }),
    );
    expect(text(el.querySelector('[data-testid=decision-lot-1] [data-testid=first-ranked]'))).toBe(
      'Primero en el orden: Textiles del Valle · $ 140.000.000 · 90,75 puntos',
    );
    // Nobody qualified on the second lot: it can only be declared void.
    expect(el.querySelector('[data-testid=decision-lot-2] mat-radio-group')).toBeNull();
    expect(el.querySelector('[data-testid=start-lot-2]')).toBeNull();

    await type('[data-testid=start-lot-1]', '2026-04-15');
    await type('[data-testid=end-lot-1]', '2026-10-15');
    await click('[data-testid=award]');
    http.expectNone({ method: 'POST', url: `${API}/awards` });
    expect(text(el.querySelector('[data-testid=decision-lot-2] mat-error'))).toBe('Este campo es obligatorio.');

    // Choosing void for the first lot trades its dates for reasons, and those are required too.
    await click('[data-testid=outcome-lot-1-void] input');
    expect(el.querySelector('[data-testid=start-lot-1]')).toBeNull();
    await type('[data-testid=reason-lot-2]', 'Ningún oferente cumplió los requisitos habilitantes.');
    await click('[data-testid=award]');
    http.expectNone({ method: 'POST', url: `${API}/awards` });
    await click('[data-testid=outcome-lot-1-awarded] input');
    expect(el.querySelector<HTMLInputElement>('[data-testid=start-lot-1]')?.value).toBe('2026-04-15');

    await click('[data-testid=award]');
    const post = http.expectOne({ method: 'POST', url: `${API}/awards` });
    expect(post.request.body).toEqual({
      decisions: [
        { lotId: 'lot-1', outcome: 'awarded', reason: null, startDate: '2026-04-15', endDate: '2026-10-15' },
        { lotId: 'lot-2', outcome: 'void', reason: 'Ningún oferente cumplió los requisitos habilitantes.', startDate: null, endDate: null },
      ],
    });
    const decided = [
      awardView({ contract }),
      awardView({
        lotId: 'lot-2',
        lotTitle: 'Gorros',
        outcome: 'void',
        reason: 'Ningún oferente cumplió.',
        supplierName: null,
        valueCop: null,
      }),
    ];
    post.flush(decided);
    await fixture.whenStable();
    // The outcome is shown as the public sees it.
    http.expectOne(`${API}/awards`).flush(decided);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=award-winner]'))).toBe('Textiles del Valle');

    const ratings = (aspect: string) => el.querySelectorAll<HTMLInputElement>(`[data-testid=rating-${aspect}] input`);
    ratings('onTime')[4].click();
    ratings('quality')[3].click();
    ratings('documentation')[2].click();
    await fixture.whenStable();
    await click('[data-testid=close-contract]');
    const close = http.expectOne({ method: 'POST', url: '/api/v1/contracts/c1/close' });
    expect(close.request.body).toEqual({ outcome: 'completed', rating: { onTime: 5, quality: 4, documentation: 3 }, reason: null });
    close.flush({
      ...contract,
      status: 'completed',
      rating: { onTime: 5, quality: 4, documentation: 3 },
      completedAt: '2026-10-20T15:00:00.000Z',
    });
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=contract-status]'))).toBe('Terminado a satisfacción');
    expect(text(el.querySelector('[data-testid=contract]'))).toContain('Calificación: a tiempo 5/5, calidad 4/5, documentación 3/5');
    expect(el.querySelector('[data-testid=close-contract]')).toBeNull();
  });

  it('waits for the end of the comment period and for every observation to be answered', async () => {
    const observation = { id: 'o1', supplierName: 'Confecciones Andinas', text: '¿Por qué?', createdAt: '2026-03-25T15:00:00.000Z' };
    const { el } = await render(report({ commentUntil: bogotaDay(), observations: [{ ...observation, answer: null, answeredAt: null }] }));
    expect(el.querySelector('[data-testid=comment-open]')).not.toBeNull();
    expect(text(el.querySelector('[data-testid=unanswered]'))).toBe('Hay observaciones sin responder: 1.');
    expect(el.querySelector<HTMLButtonElement>('[data-testid=award]')?.disabled).toBe(true);
  });
});
