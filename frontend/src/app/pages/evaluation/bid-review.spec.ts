import { TestBed } from '@angular/core/testing';
import type { OpenedBid } from '@eslabon/contracts';
import { useHttpTesting } from '../../../testing/http-testing';
import { BidReview } from './bid-review';
import { evaluatedTender, openedBid } from './evaluation.fixture';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cells = (el: Element | null) => [...(el?.children ?? [])].map(text);

describe('BidReview', () => {
  useHttpTesting();

  async function render(bid: OpenedBid) {
    const fixture = TestBed.createComponent(BidReview);
    const tender = evaluatedTender();
    fixture.componentRef.setInput('tenderId', 't1');
    fixture.componentRef.setInput('bid', bid);
    fixture.componentRef.setInput(
      'parts',
      tender.criteria.parts.filter((p) => p.key !== 'price'),
    );
    fixture.componentRef.setInput('lots', tender.lots);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists the bid’s documents under their envelopes, each a download of the opened file', async () => {
    const el = await render(
      openedBid({
        documents: [
          { documentId: 'doc-9', envelope: 'economic', name: 'precios-unitarios.pdf', sha256: '9f'.repeat(32) },
          { documentId: 'doc-3', envelope: 'habilitantes', name: 'rut.pdf', sha256: '3e'.repeat(32) },
          { documentId: 'doc-4', envelope: 'habilitantes', name: 'camara-de-comercio.pdf', sha256: '4d'.repeat(32) },
        ],
      }),
    );
    const links = (envelope: string) =>
      [...el.querySelectorAll<HTMLAnchorElement>(`[data-testid=envelope-b1-${envelope}] a`)].map((a) => a.dataset['testid']);
    expect(links('habilitantes')).toEqual(['download-doc-3', 'download-doc-4']);
    expect(links('technical')).toEqual([]);
    expect(cells(el.querySelector('[data-testid=envelope-b1-technical]'))).toEqual(['Oferta técnica', 'Ninguno.']);
    expect(links('economic')).toEqual(['download-doc-9']);

    const rut = el.querySelector<HTMLAnchorElement>('[data-testid=download-doc-3]');
    expect(rut?.getAttribute('href')).toBe('/api/v1/tenders/t1/evaluation/bids/b1/documents/doc-3');
    expect(rut?.hasAttribute('download')).toBe(true);
    expect(text(rut)).toBe('rut.pdf');
    expect(rut?.getAttribute('aria-label')).toBe('Descargar rut.pdf (Requisitos habilitantes)');
    expect(text(rut?.parentElement ?? null)).toContain('SHA-256 3e3e3e3e3e3e');
  });

  it('says when an envelope of the bid has no documents', async () => {
    const el = await render(openedBid({ documents: [] }));
    expect(el.querySelectorAll('[data-testid=documents-b1] a')).toHaveLength(0);
    expect(cells(el.querySelector('[data-testid=envelope-b1-habilitantes]'))).toEqual(['Requisitos habilitantes', 'Ninguno.']);
  });
});
