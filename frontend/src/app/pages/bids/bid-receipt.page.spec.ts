import { createHash, webcrypto } from 'node:crypto';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BidInput, BidReceipt } from '@eslabon/contracts';
import { canonicalJson } from '@eslabon/domain';
import { Session } from '../../core/session/session.service';
import { signedIn } from '../tenders/tender-view.fixture';
import { BidReceiptPage } from './bid-receipt.page';
import { bidTender, content, receipt } from './bids.fixture';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The digest as the API computes it, written out here independently of the page's code: lots and documents by id. */
function serverDigest(r: BidReceipt, supplierOrganizationId: string, bid: BidInput): string {
  const lots = [bid.lots[1], bid.lots[0]];
  expect(lots.map((l) => l.lotId)).toEqual(['lot-a', 'lot-b']);
  const sealed = canonicalJson({
    tenderId: r.tenderId,
    supplierOrganizationId,
    version: r.version,
    nonce: r.nonce,
    lots,
    claims: bid.claims,
    plural: bid.plural,
    documents: [...(bid.documents ?? [])].sort((a, b) => (a.documentId < b.documentId ? -1 : 1)),
  });
  return createHash('sha256').update(sealed).digest('hex');
}

describe('BidReceiptPage', () => {
  let http: HttpTestingController;

  beforeAll(() => Object.defineProperty(crypto, 'subtle', { value: webcrypto.subtle, configurable: true }));
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  function keep(sealedReceipt: BidReceipt, bid: BidInput): void {
    localStorage.setItem(
      'eslabon.bid.sealed.sup-1.t1',
      JSON.stringify({ supplierOrganizationId: 'sup-1', receipt: sealedReceipt, content: bid }),
    );
  }

  async function render(current: BidReceipt) {
    TestBed.inject(Session).set(signedIn('supplier', 'supplier_admin'));
    const fixture = TestBed.createComponent(BidReceiptPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/v1/tenders/t1/bid' }).flush(current);
    http.expectOne('/api/v1/public/tenders/t1').flush(bidTender());
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  async function verify(fixture: { whenStable(): Promise<unknown> }, el: HTMLElement): Promise<string> {
    el.querySelector<HTMLButtonElement>('[data-testid=verify-digest]')?.click();
    // The digest is computed asynchronously by Web Crypto.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fixture.whenStable();
    return text(el.querySelector('[data-testid=verify-result]'));
  }

  it('shows what the server recorded, in UTC and on the Bogotá clock', async () => {
    const r = receipt({ digest: 'ab'.repeat(32) });
    const { el } = await render(r);
    expect(text(el.querySelector('[data-testid=receipt-digest]'))).toBe('ab'.repeat(32));
    expect(text(el.querySelector('[data-testid=receipt-nonce]'))).toBe(r.nonce);
    expect(text(el.querySelector('[data-testid=receipt-status]'))).toBe('Presentada');
    expect(text(el.querySelector('[data-testid=receipt-utc]'))).toBe('2026-03-10 15:04:05 UTC');
    expect(text(el.querySelector('[data-testid=receipt-bogota]'))).toMatch(/10\/03\/2026.*10:04:05/);
    expect(text(el)).toContain('LP-2026-001 · Uniformes para el personal de salud');
    expect(el.querySelector('[data-testid=no-content]')).not.toBeNull();
    expect(el.querySelector('[data-testid=verify-digest]')).toBeNull();
  });

  it('says the digest matches when the kept content reproduces it', async () => {
    const r = receipt();
    const current = { ...r, digest: serverDigest(r, 'sup-1', content) };
    keep(current, content);
    const { fixture, el } = await render(current);
    expect(text(el.querySelector('[data-testid=sealed-lot-1]'))).toContain('Lote 1 · Batas');
    expect(text(el.querySelector('[data-testid=sealed-lot-1]'))).toMatch(/\$\s140\.000\.000/);
    expect(text(el.querySelector('[data-testid=sealed-lot-2]'))).toContain('45 % de componente nacional');
    expect(await verify(fixture, el)).toBe('La huella coincide: la copia guardada es exactamente lo que se selló.');
  });

  it('shows the sealed documents per envelope, and their hashes count in the digest', async () => {
    const r = receipt();
    // Listed as uploaded, not in id order: the digest sorts them.
    const withDocuments: BidInput = {
      ...content,
      documents: [
        { documentId: 'doc-9', envelope: 'technical', name: 'ficha-tecnica.pdf', sha256: '9f'.repeat(32) },
        { documentId: 'doc-3', envelope: 'habilitantes', name: 'rut.pdf', sha256: '3e'.repeat(32) },
      ],
    };
    const current = { ...r, digest: serverDigest(r, 'sup-1', withDocuments) };
    keep(current, withDocuments);
    const { fixture, el } = await render(current);
    const envelope = (name: string) => [...(el.querySelector(`[data-testid=sealed-documents-${name}]`)?.children ?? [])].map(text);
    expect(envelope('habilitantes')).toEqual(['Requisitos habilitantes', `rut.pdf SHA-256 ${'3e'.repeat(32)}`]);
    expect(envelope('technical')).toEqual(['Oferta técnica', `ficha-tecnica.pdf SHA-256 ${'9f'.repeat(32)}`]);
    expect(envelope('economic')).toEqual(['Oferta económica', 'Ninguno.']);
    expect(await verify(fixture, el)).toBe('La huella coincide: la copia guardada es exactamente lo que se selló.');
    fixture.destroy();

    const [technical, habilitantes] = withDocuments.documents ?? [];
    keep(current, { ...withDocuments, documents: [technical, { ...habilitantes, sha256: '3f'.repeat(32) }] });
    const again = await render(current);
    expect(await verify(again.fixture, again.el)).toBe('La huella no coincide: la copia guardada no es lo que produjo este recibo.');
  });

  it('says it does not match when the kept content was altered', async () => {
    const r = receipt();
    const current = { ...r, digest: serverDigest(r, 'sup-1', content) };
    const altered: BidInput = { ...content, lots: [{ ...content.lots[0], priceCop: '139999999' }, content.lots[1]] };
    keep(current, altered);
    const { fixture, el } = await render(current);
    expect(await verify(fixture, el)).toBe('La huella no coincide: la copia guardada no es lo que produjo este recibo.');
  });

  it('verifies an older kept copy against its own receipt once a later version replaced it', async () => {
    const first = receipt();
    const kept = { ...first, digest: serverDigest(first, 'sup-1', content) };
    keep(kept, content);
    // Version 2 was a withdrawal: its digest is of other content, so only version 1's receipt can match.
    const { fixture, el } = await render(receipt({ version: 2, status: 'withdrawn', nonce: 'f'.repeat(32), digest: 'e'.repeat(64) }));
    expect(text(el.querySelector('[data-testid=receipt-status]'))).toBe('Retirada');
    expect(text(el.querySelector('[data-testid=other-version]'))).toBe(
      `La copia de este navegador es de la versión 1, cuyo recibo dio la huella ${kept.digest}; la oferta vigente es la versión 2. La verificación compara con ese recibo.`,
    );
    expect(await verify(fixture, el)).toBe('La huella coincide: la copia guardada es exactamente lo que se selló.');
  });

  it('says when the organization has no bid', async () => {
    TestBed.inject(Session).set(signedIn('supplier', 'supplier_admin'));
    const fixture = TestBed.createComponent(BidReceiptPage);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/t1/bid').flush({ status: 404, code: 'bid_not_found' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/v1/public/tenders/t1').flush(bidTender());
    await fixture.whenStable();
    expect(text(fixture.nativeElement.querySelector('[data-testid=receipt-failure]'))).toBe(
      'Su organización no tiene oferta en este proceso.',
    );
  });
});
