import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyBidView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { signedIn } from '../tenders/tender-view.fixture';
import { myBid } from './bids.fixture';
import { MyBidsPage } from './my-bids.page';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('MyBidsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: (req: ReturnType<HttpTestingController['expectOne']>) => void) {
    TestBed.inject(Session).set(signedIn('supplier', 'supplier_admin'));
    const fixture = TestBed.createComponent(MyBidsPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el)).toContain('Cargando…');
    answer(http.expectOne({ method: 'GET', url: '/api/v1/bids' }));
    await fixture.whenStable();
    return el;
  }

  const list = (bids: MyBidView[]) => render((req) => req.flush(bids));

  it('lists each bid with its state, version, closing on the Bogotá clock and receipt', async () => {
    const el = await list([
      myBid({ bidId: 'b1', tenderId: 't1', version: 2 }),
      myBid({ bidId: 'b2', tenderId: 't2', tenderReference: 'SA-2026-007', tenderTitle: 'Papelería', status: 'withdrawn' }),
      myBid({ bidId: 'b3', tenderId: 't3', needsReconfirmation: true }),
    ]);
    const first = el.querySelector('[data-testid=bid-b1]') as HTMLElement;
    expect(text(first.querySelector('[data-testid=bid-state]'))).toBe('Presentada');
    expect(text(first)).toContain('Versión 2');
    // 22:00 UTC is 17:00 in Bogotá.
    expect(text(first)).toMatch(/Cierre: 20 de marzo de 2099.*5:00/);
    expect(first.querySelector('a[href="/procesos/t1"]')?.textContent).toContain('LP-2026-001 · Uniformes para el personal de salud');
    expect(first.querySelector('[data-testid=bid-receipt]')?.getAttribute('href')).toBe('/procesos/t1/oferta/recibo');
    expect(text(el.querySelector('[data-testid=bid-b2] [data-testid=bid-state]'))).toBe('Retirada');
    expect(text(el.querySelector('[data-testid=bid-b2]'))).toContain('SA-2026-007 · Papelería');
    expect(text(el.querySelector('[data-testid=bid-b3] [data-testid=bid-state]'))).toBe('Requiere reconfirmación');
    expect(first.querySelector('[data-testid=bid-outcomes]')).toBeNull();
  });

  it('shows the result of each lot once the tender is decided', async () => {
    const el = await list([
      myBid({
        tenderStatus: 'awarded',
        outcomes: [
          { lotId: 'l1', lotTitle: 'Batas', outcome: 'won' },
          { lotId: 'l2', lotTitle: 'Gorros', outcome: 'lost' },
          { lotId: 'l3', lotTitle: 'Guantes', outcome: 'void' },
        ],
      }),
    ]);
    const outcomes = [...el.querySelectorAll('[data-testid=bid-outcomes] li')].map(text);
    expect(outcomes).toEqual(['Batas: Ganada', 'Gorros: No adjudicada', 'Guantes: Desierto']);
  });

  it('says when there are no bids yet', async () => {
    const el = await list([]);
    expect(text(el.querySelector('[data-testid=no-bids]'))).toBe('Su organización aún no ha presentado ofertas.');
    expect(el.querySelector('[data-testid=my-bids]')).toBeNull();
  });

  it('says when the list could not be loaded', async () => {
    const el = await render((req) => req.error(new ProgressEvent('error')));
    expect(text(el.querySelector('[data-testid=bids-failure]'))).toBe('No fue posible contactar al servidor. Revise su conexión.');
  });

  it('asks a buyer to act for a supplier instead', async () => {
    TestBed.inject(Session).set(signedIn('state_entity', 'buyer_admin'));
    const fixture = TestBed.createComponent(MyBidsPage);
    await fixture.whenStable();
    expect(text(fixture.nativeElement)).toContain('Elija en el encabezado la organización proveedora');
    http.expectNone('/api/v1/bids');
  });
});
