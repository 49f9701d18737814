import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClosingRecord, EvaluationWorkspace, OpenedBid } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { signedIn } from '../tenders/tender-view.fixture';
import { EvaluationPage } from './evaluation.page';
import { evaluatedTender, openedBid, report, workspace } from './evaluation.fixture';

const API = '/api/v1/tenders/t1';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const record: ClosingRecord = {
  tenderId: 't1',
  reference: 'LP-2026-001',
  drawSeedSha256: 'c'.repeat(64),
  closingAt: '2026-03-20T22:00:00.000Z',
  closedAt: '2026-03-20T22:00:05.000Z',
  bids: [
    {
      bidId: 'b1',
      supplierName: 'Confecciones Andinas',
      supplierNit: '900123456-1',
      submittedAt: '2026-03-19T15:00:00.000Z',
      version: 1,
      lotIds: ['lot-1'],
      digest: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      status: 'submitted',
    },
  ],
};

describe('EvaluationPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(ws: EvaluationWorkspace = workspace()) {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(EvaluationPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne(API).flush(evaluatedTender());
    http.expectOne(`${API}/committee`).flush(ws.committee);
    http.expectOne(`${API}/closing-record`).flush(record);
    http.expectOne(`${API}/evaluation`).flush(ws);
    await fixture.whenStable();
    http.expectOne('/api/v1/organizations/org-1/members').flush({ members: [], invitations: [] });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  async function type(fixture: { whenStable(): Promise<unknown> }, input: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
    if (!input) throw new Error('No such field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows the acta de cierre, the totals of each ranked bid and how the tie was broken', async () => {
    const { el } = await render();
    const acta = el.querySelector('[data-testid=closing-record] tbody tr');
    expect(text(acta)).toContain('Confecciones Andinas');
    expect(text(acta)).toContain('900123456-1');
    expect(text(acta)).toContain('Lote 2');
    expect(text(acta)).toContain('a1b2c3d4e5f6');
    expect(text(el.querySelector('[data-testid=draw-seed-hash]'))).toContain('c'.repeat(64));

    const rows = [...el.querySelectorAll('[data-testid=rank-row]')].map((row) => [...row.children].map(text));
    expect(rows).toEqual([
      ['1', 'Textiles del Valle', '$ 140.000.000', 'Bienes nacionales', '60,00', '10,00', '0,25', '20,50', '90,75'],
      ['2', 'Confecciones Andinas', '$ 140.000.000', 'Bienes nacionales', '60,00', '10,00', '0,25', '20,50', '90,75'],
    ]);
    const tie = el.querySelector('[data-testid=tie-break]');
    expect([...(tie?.querySelectorAll('li') ?? [])].map(text)).toEqual([
      'Bienes o servicios nacionales: Confecciones Andinas, Textiles del Valle',
      'Mipyme, cooperativa o asociación mutual: ninguno',
    ]);
    expect(text(tie?.querySelector('[data-testid=draw-order]') ?? null)).toBe(
      'Orden del sorteo: Textiles del Valle (b2), Confecciones Andinas (b1)',
    );
    expect(text(tie)).toContain('Decidió: Sorteo');
    expect(text(el.querySelector('[data-testid=excluded]'))).toBe('Dotaciones Ltda: Debe reconfirmarse tras una adenda');
    expect(el.querySelector('[data-testid=review-b3] [data-testid=needs-reconfirmation]')).not.toBeNull();
    expect(el.querySelector('[data-testid=review-b1] [data-testid=needs-reconfirmation]')).toBeNull();
  });

  it('sends the review as BidReviewInput, shows the server’s refusal at its field, and refreshes the rankings', async () => {
    const { fixture, el } = await render();
    // Only the parts the committee owns get an input: not price nor the bonuses.
    const inputs = [...el.querySelectorAll<HTMLInputElement>('[data-testid^=score-b1-]')].map((i) => i.dataset['testid']);
    expect(inputs).toEqual(['score-b1-lot-1-quality', 'score-b1-lot-1-experience']);

    el.querySelector<HTMLElement>('[data-testid=habilitante-b1]')?.click();
    await fixture.whenStable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => text(o) === 'Debe subsanar')
      ?.click();
    await fixture.whenStable();
    await type(fixture, el.querySelector('[data-testid=score-b1-lot-1-quality]'), '18.5');
    // The BIC claim has no evidence: it is switched off and goes as false.
    el.querySelector<HTMLButtonElement>('[data-testid=claim-b1-bicMipyme] button')?.click();
    await fixture.whenStable();

    const save = () => el.querySelector<HTMLButtonElement>('[data-testid=save-review-b1]')?.click();
    save();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT' });
    expect(text(el.querySelector('[data-testid=review-b1] mat-form-field.note mat-error'))).toBe('Este campo es obligatorio.');

    await type(fixture, el.querySelector('[data-testid=note-b1]'), ' Falta el certificado de existencia. ');
    const qualityField = () => el.querySelector('[data-testid=score-b1-lot-1-quality]')?.closest('mat-form-field') ?? null;
    // More than the part's 20 points is refused before sending, in the API's own words.
    await type(fixture, el.querySelector('[data-testid=score-b1-lot-1-quality]'), '20.5');
    save();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT' });
    expect(text(qualityField()?.querySelector('mat-error') ?? null)).toBe('Los puntos deben estar entre 0 y el máximo del criterio.');
    await type(fixture, el.querySelector('[data-testid=score-b1-lot-1-quality]'), '18.5');
    save();
    const put = http.expectOne({ method: 'PUT', url: `${API}/evaluation/bids/b1` });
    expect(put.request.body).toEqual({
      habilitante: 'needs_correction',
      note: 'Falta el certificado de existencia.',
      scores: { 'lot-1': { quality: 18.5 } },
      verified: { ...openedBid().review.verified, bicMipyme: false },
    });
    put.flush(
      {
        status: 400,
        code: 'validation_failed',
        errors: [{ field: 'scores.lot-1.quality', code: 'points_range', messages: ['Out of range'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text(qualityField()?.querySelector('mat-error') ?? null)).toBe('Los puntos deben estar entre 0 y el máximo del criterio.');

    await type(fixture, el.querySelector('[data-testid=score-b1-lot-1-quality]'), '18');
    save();
    const saved: OpenedBid = openedBid({
      review: {
        ...openedBid().review,
        habilitante: 'needs_correction',
        scores: { 'lot-1': { quality: 18 } },
        reviewedAt: '2026-03-23T15:00:00.000Z',
      },
    });
    http.expectOne({ method: 'PUT', url: `${API}/evaluation/bids/b1` }).flush(saved);
    const fresh = workspace();
    fresh.rankings[0].lines = [{ ...fresh.rankings[0].lines[0], committee: 18, total: 88.25 }];
    http.expectOne(`${API}/evaluation`).flush(fresh);
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid=rank-row] td:last-child'))).toBe('88,25');
    expect(el.querySelectorAll('[data-testid=rank-row]')).toHaveLength(1);
    expect(text(el.querySelector('[data-testid=review-b1]'))).toContain('Revisión guardada');
  });

  it('publishes the report with the day observations close, then shows its seed', async () => {
    const { fixture, el } = await render();
    const until = el.querySelector<HTMLInputElement>('[data-testid=comment-until]');
    // The schedule's end of the comment period is proposed.
    expect(until?.value).toBe('2026-03-31');
    await type(fixture, until, '2026-04-02');
    el.querySelector<HTMLButtonElement>('[data-testid=publish-report]')?.click();
    const post = http.expectOne({ method: 'POST', url: `${API}/evaluation/report` });
    expect(post.request.body).toEqual({ commentUntil: '2026-04-02' });
    post.flush(
      report({
        commentUntil: '2026-04-02',
        observations: [
          {
            id: 'o1',
            supplierName: 'Confecciones Andinas',
            text: 'Mi experiencia está mal calificada.',
            createdAt: '2026-03-25T15:00:00.000Z',
            answer: null,
            answeredAt: null,
          },
        ],
      }),
    );
    await fixture.whenStable();
    const published = el.querySelector('[data-testid=report]');
    expect(text(published?.querySelector('[data-testid=seed]') ?? null)).toBe('5f1c0ffee');
    expect(text(published)).toContain("printf '%s' '5f1c0ffee:ID_DE_LA_OFERTA' | sha256sum");
    expect(text(published)).toContain('Mi experiencia está mal calificada.');

    await type(fixture, el.querySelector('[data-testid=answer-o1]'), 'Se revisó y se mantiene.');
    [...el.querySelectorAll<HTMLButtonElement>('[data-testid=report] button')].find((b) => text(b) === 'Responder')?.click();
    const answer = http.expectOne({ method: 'PUT', url: `${API}/evaluation/observations/o1/answer` });
    expect(answer.request.body).toEqual({ answer: 'Se revisó y se mantiene.' });
    answer.flush({
      id: 'o1',
      supplierName: 'Confecciones Andinas',
      text: 'Mi experiencia está mal calificada.',
      createdAt: '2026-03-25T15:00:00.000Z',
      answer: 'Se revisó y se mantiene.',
      answeredAt: '2026-03-26T15:00:00.000Z',
    });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=answer-o1]')).toBeNull();
    expect(text(el.querySelector('[data-testid=observations]'))).toContain('Se revisó y se mantiene.');
  });

  it('shows only the number of bids before closing', async () => {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(EvaluationPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne(API).flush(evaluatedTender({ status: 'open' }));
    http.expectOne(`${API}/committee`).flush([]);
    http.expectOne(`${API}/bids/count`).flush({ tenderId: 't1', bids: 3 });
    await fixture.whenStable();
    http.expectOne('/api/v1/organizations/org-1/members').flush({ members: [], invitations: [] });
    http.expectNone(`${API}/evaluation`);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid=bid-count]'))).toBe('Ofertas recibidas: 3. Su contenido sigue sellado hasta el cierre.');
    expect(el.querySelector('[data-testid=closing-record]')).toBeNull();
  });
});
