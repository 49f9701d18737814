import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BidDocumentUpload, BidEnvelope, BidReceipt, SessionView, TenderView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { signedIn } from '../tenders/tender-view.fixture';
import { BidFormPage } from './bid-form.page';
import { bidTender, content, profile, receipt } from './bids.fixture';

const TENDER = '/api/v1/public/tenders/t1';
const BID = '/api/v1/tenders/t1/bid';
const UPLOAD = '/api/v1/tenders/t1/bid/documents';
const PROFILE = '/api/v1/suppliers/sup-1/profile';
const DRAFT = 'eslabon.bid.draft.sup-1.t1';
const SEALED = 'eslabon.bid.sealed.sup-1.t1';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface Options {
  existing?: BidReceipt;
  mipyme?: boolean;
  tender?: TenderView;
  session?: SessionView;
}

describe('BidFormPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<BidFormPage>;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render({ existing, mipyme = true, tender = bidTender(), session = signedIn('supplier', 'supplier_admin') }: Options = {}) {
    TestBed.inject(Session).set(session);
    fixture = TestBed.createComponent(BidFormPage);
    fixture.componentRef.setInput('tenderId', 't1');
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(TENDER).flush(tender);
    const bid = http.expectOne({ method: 'GET', url: BID });
    if (existing) bid.flush(existing);
    else bid.flush({ status: 404, code: 'bid_not_found' }, { status: 404, statusText: 'Not Found' });
    http.expectOne(PROFILE).flush(profile({ mipyme }));
    await fixture.whenStable();
  }

  const find = (testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  // Intl separates "$" from the amount with a no-break space.
  const cells = (testId: string) => [...(find(testId)?.children ?? [])].map((cell) => text(cell).replace(/\u00a0/g, ' '));

  async function click(testId: string): Promise<void> {
    const target = find(testId);
    if (!target) throw new Error(`no ${testId}`);
    // A Material checkbox is clicked on its own input.
    (target.querySelector('input') ?? target).click();
    await fixture.whenStable();
  }

  async function type(testId: string, value: string): Promise<void> {
    const input = find(testId) as HTMLInputElement | null;
    if (!input) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(testId: string, label: string): Promise<void> {
    const select = find(testId);
    select?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    // The options of this select's panel: a closed panel may linger in jsdom, which runs no animations.
    const panel = document.getElementById(select?.getAttribute('aria-controls') ?? '');
    const option = [...(panel?.querySelectorAll<HTMLElement>('mat-option') ?? [])].find((o) => text(o) === label);
    if (!option) throw new Error(`no option ${label}`);
    option.click();
    await fixture.whenStable();
  }

  /** Offers on lot 2 (Gorros, estimate $ 80.000.000) at a price. */
  async function offerOnLot2(price: string): Promise<void> {
    await click('offer-lot-2');
    await type('price-2', price);
    await choose('national-2', 'Bienes nacionales');
  }

  const putRequest = (): TestRequest => http.expectOne({ method: 'PUT', url: BID });

  /** Chooses files in an envelope's file input, as the browser's picker does. */
  async function attach(envelope: BidEnvelope, files: File[]): Promise<void> {
    const input = find(`upload-${envelope}`) as HTMLInputElement | null;
    if (!input) throw new Error(`no upload-${envelope}`);
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  const pdf = (name: string, bytes = 8) => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });
  const uploaded = (documentId: string, envelope: BidEnvelope, sha256: string, sizeBytes = 245_760): BidDocumentUpload => ({
    documentId,
    envelope,
    contentType: 'application/pdf',
    sizeBytes,
    sha256,
  });

  /** Uploads one file to an envelope and answers it as the API does. */
  async function uploadOne(envelope: BidEnvelope, name: string, answer: BidDocumentUpload): Promise<void> {
    await attach(envelope, [pdf(name)]);
    http.expectOne({ method: 'POST', url: UPLOAD }).flush(answer, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
  }

  it('seals exactly the bid the controls describe, lots in the tender’s order and prices as whole pesos', async () => {
    await render();
    await click('offer-lot-1');
    await type('price-1', '140.000.000');
    await choose('national-1', 'Bienes nacionales');
    await click('offer-lot-2');
    await type('price-2', '75000000');
    await choose('national-2', 'Extranjero con componente nacional');
    await type('component-2', '45');
    await click('claim-disabilityBonus');
    await type('claim-disabilityPayrollPercent', '12');
    await type('claim-ethnicPayrollPercent', '5');
    await type('claim-mipymePaymentsPercent', '30');
    expect(text(find('lot-2'))).toContain('El lote pide al menos 40 % de componente nacional.');

    await click('review-bid');
    expect(cells('sealed-lot-1')).toEqual(['Lote 1 · Batas', '$ 140.000.000', 'Bienes nacionales']);
    expect(cells('sealed-lot-2')).toEqual([
      'Lote 2 · Gorros',
      '$ 75.000.000',
      'Extranjero con componente nacional (45 % de componente nacional)',
    ]);
    expect(text(find('sealed-plural'))).toBe('La organización oferta sola.');

    await click('seal-bid');
    const req = putRequest();
    expect(req.request.body).toEqual(content);
    expect(req.request.headers.get('Idempotency-Key')).toMatch(/^[\w-]{8,100}$/);
    const sealed = receipt({ lotIds: ['lot-a', 'lot-b'] });
    req.flush(sealed);
    await fixture.whenStable();
    expect(text(find('bid-summary'))).toContain('Oferta sellada y presentada.');
    // The server will not give the prices back: the browser keeps them with the receipt.
    expect(JSON.parse(localStorage.getItem(SEALED) as string)).toEqual({ supplierOrganizationId: 'sup-1', receipt: sealed, content });
  });

  it('puts each server refusal next to its field, naming lots by their place in the bid', async () => {
    await render();
    // Only the tender's second lot is offered: for the API it is lots.0.
    await offerOnLot2('75000000');
    await click('review-bid');
    await click('seal-bid');
    putRequest().flush(
      {
        status: 422,
        code: 'validation',
        errors: [
          { pointer: '/lots/0/priceCop', field: 'lots.0.priceCop', code: 'above_estimate', messages: ['above'] },
          { pointer: '/lots/0/lotId', field: 'lots.0.lotId', code: 'lot_reserved_mipymes', messages: ['reserved'] },
          { pointer: '/claims/ethnicPayrollPercent', field: 'claims.ethnicPayrollPercent', code: 'too_large', messages: ['large'] },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    expect(find('bid-form')?.hidden).toBe(false);
    expect(text(find('price-error-2'))).toBe('El precio supera el valor estimado del lote.');
    expect(text(find('offer-error-2'))).toBe('Este lote está reservado a mipymes.');
    expect(find('offer-error-1')).toBeNull();
    expect(text(find('claim-error-ethnicPayrollPercent'))).toBe('El valor es demasiado grande.');
    expect(text(find('bid-failure'))).toBe('Revise los campos marcados.');
  });

  it('retries an unanswered submission with the same Idempotency-Key, and uses a new one after a receipt', async () => {
    await render();
    await offerOnLot2('75000000');
    await click('review-bid');
    await click('seal-bid');
    const first = putRequest();
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(text(find('bid-failure'))).toContain('se repetirá el mismo intento');

    await click('seal-bid');
    const retry = putRequest();
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    retry.flush(receipt());
    await fixture.whenStable();

    await click('modify-bid');
    await type('price-2', '74000000');
    await click('review-bid');
    await click('seal-bid');
    const next = putRequest();
    expect(next.request.headers.get('Idempotency-Key')).not.toBe(key);
    expect(next.request.body.lots).toEqual([
      { lotId: 'lot-a', priceCop: '74000000', nationalIndustry: 'national_goods', nationalComponentPercent: null },
    ]);
    next.flush(receipt({ version: 2 }));
    await fixture.whenStable();
    expect(text(find('summary-state'))).toMatch(/^Versión 2 · Presentada/);
  });

  it('keeps the draft in this browser as it is typed and brings it back', async () => {
    await render();
    await offerOnLot2('75.000.000');
    expect(text(find('draft-state'))).toBe('Borrador guardado en este navegador.');
    const draft = JSON.parse(localStorage.getItem(DRAFT) as string);
    expect(draft.lots).toEqual([
      { lotId: 'lot-b', offer: false, priceCop: '', nationalIndustry: '', nationalComponentPercent: null },
      { lotId: 'lot-a', offer: true, priceCop: '75.000.000', nationalIndustry: 'national_goods', nationalComponentPercent: null },
    ]);
    fixture.destroy();

    await render();
    expect((find('price-2') as HTMLInputElement).value).toBe('75.000.000');
    expect(find('offer-lot-2')?.querySelector('input')?.checked).toBe(true);
    expect(find('price-1')).toBeNull();
  });

  it('uploads each file chosen for an envelope on its own multipart request and lists it', async () => {
    await render();
    expect(text(find('envelope-habilitantes'))).toContain('Requisitos habilitantes');
    expect(text(find('envelope-technical'))).toContain('Oferta técnica');
    expect(text(find('envelope-economic'))).toContain('Oferta económica');
    await attach('technical', [pdf('ficha-tecnica.pdf'), pdf('metodologia.pdf')]);
    const [first, second] = http.match({ method: 'POST', url: UPLOAD });
    expect(second).toBeDefined();
    for (const [req, name] of [
      [first, 'ficha-tecnica.pdf'],
      [second, 'metodologia.pdf'],
    ] as const) {
      const body = req.request.body as FormData;
      expect(body.get('envelope')).toBe('technical');
      expect((body.get('file') as File).name).toBe(name);
    }
    expect(el.querySelectorAll('[data-testid="uploading-technical"]')).toHaveLength(2);
    expect(text(find('uploading-technical'))).toBe('Subiendo ficha-tecnica.pdf…');

    first.flush(uploaded('doc-1', 'technical', 'ab'.repeat(32)), { status: 201, statusText: 'Created' });
    second.flush(uploaded('doc-2', 'technical', 'cd'.repeat(32), 2_621_440), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(find('uploading-technical')).toBeNull();
    expect(cells('document-technical-1')).toEqual(['ficha-tecnica.pdf', '240 KB · SHA-256 abababababab', 'Quitar']);
    expect(cells('document-technical-2')).toEqual(['metodologia.pdf', '2,5 MB · SHA-256 cdcdcdcdcdcd', 'Quitar']);
    expect(find('document-habilitantes-1')).toBeNull();
    // The refs are kept with the draft, and come back with it.
    expect(JSON.parse(localStorage.getItem(DRAFT) as string).documents).toEqual([
      { documentId: 'doc-1', envelope: 'technical', name: 'ficha-tecnica.pdf', sha256: 'ab'.repeat(32), sizeBytes: 245_760 },
      { documentId: 'doc-2', envelope: 'technical', name: 'metodologia.pdf', sha256: 'cd'.repeat(32), sizeBytes: 2_621_440 },
    ]);

    // Removing only drops it from the bid's list: no call is made.
    await click('remove-technical-1');
    expect(text(find('document-technical-1'))).toContain('metodologia.pdf');
    expect(find('document-technical-2')).toBeNull();
    expect(JSON.parse(localStorage.getItem(DRAFT) as string).documents.map((d: { documentId: string }) => d.documentId)).toEqual(['doc-2']);
    fixture.destroy();

    await render();
    expect(text(find('document-technical-1'))).toContain('metodologia.pdf');
  });

  it('shows the server’s refusal of a file at the envelope it was chosen for', async () => {
    await render();
    await attach('technical', [new File(['hola'], 'informe.pdf', { type: 'application/pdf' })]);
    http.expectOne({ method: 'POST', url: UPLOAD }).flush(
      {
        status: 422,
        code: 'validation',
        errors: [{ pointer: '/file', field: 'file', code: 'file_type', messages: ['Only PDF, PNG or JPEG files are accepted'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(text(find('upload-error-technical'))).toBe('informe.pdf: Solo se aceptan archivos PDF, PNG o JPEG.');
    expect(find('upload-error-habilitantes')).toBeNull();
    expect(find('upload-error-economic')).toBeNull();
    expect(find('document-technical-1')).toBeNull();
    expect(find('upload-technical')?.getAttribute('aria-describedby')).toBe('envelope-help-technical upload-error-technical');
  });

  it('seals the uploaded documents with the bid and puts a refusal of one next to it', async () => {
    await render();
    await offerOnLot2('75000000');
    // Uploaded economic first: the API names documents by their place in the bid, not in the envelope.
    await uploadOne('economic', 'precios-unitarios.pdf', uploaded('doc-9', 'economic', '9f'.repeat(32)));
    await uploadOne('habilitantes', 'rut.pdf', uploaded('doc-3', 'habilitantes', '3e'.repeat(32)));
    await click('review-bid');
    expect(cells('sealed-documents-habilitantes')).toEqual(['Requisitos habilitantes', `rut.pdf SHA-256 ${'3e'.repeat(32)}`]);
    expect(cells('sealed-documents-technical')).toEqual(['Oferta técnica', 'Ninguno.']);
    expect(text(find('sealed-document-economic-1'))).toContain('precios-unitarios.pdf');

    await click('seal-bid');
    const req = putRequest();
    expect(req.request.body.documents).toEqual([
      { documentId: 'doc-9', envelope: 'economic', name: 'precios-unitarios.pdf', sha256: '9f'.repeat(32) },
      { documentId: 'doc-3', envelope: 'habilitantes', name: 'rut.pdf', sha256: '3e'.repeat(32) },
    ]);
    req.flush(
      {
        status: 422,
        code: 'validation',
        errors: [{ pointer: '/documents/0/documentId', field: 'documents.0.documentId', code: 'unknown_document', messages: ['unknown'] }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(find('bid-form')?.hidden).toBe(false);
    expect(text(find('document-error-economic-1'))).toBe(
      'Este archivo no está subido a este proceso en este sobre: quítelo y súbalo de nuevo.',
    );
    expect(find('document-error-habilitantes-1')).toBeNull();
    expect(text(find('bid-failure'))).toBe('Revise los campos marcados.');

    // Until it is removed the bid cannot be reviewed again; then it seals without it.
    await click('review-bid');
    expect(find('bid-review')).toBeNull();
    await click('remove-economic-1');
    await click('review-bid');
    await click('seal-bid');
    expect(putRequest().request.body.documents).toEqual([
      { documentId: 'doc-3', envelope: 'habilitantes', name: 'rut.pdf', sha256: '3e'.repeat(32) },
    ]);
  });

  it('waits for the uploads under way before the review', async () => {
    await render();
    await offerOnLot2('75000000');
    await attach('habilitantes', [pdf('rut.pdf')]);
    await click('review-bid');
    expect(text(find('bid-failure'))).toBe('Espere a que terminen de subir los documentos.');
    expect(find('bid-review')).toBeNull();
    http.expectOne({ method: 'POST', url: UPLOAD }).flush(uploaded('doc-3', 'habilitantes', '3e'.repeat(32)));
    await fixture.whenStable();
    await click('review-bid');
    expect(find('bid-review')).not.toBeNull();
  });

  it('hints what the rules will refuse: a reserved lot, a price above the estimate', async () => {
    await render({ mipyme: false });
    expect(text(find('lot-refusal-1'))).toBe(
      'Según su perfil de proveedor, no puede ofertar en este lote: Este lote está reservado a mipymes.',
    );
    expect(find('lot-refusal-2')).toBeNull();
    expect(text(find('lot-2'))).toMatch(/Valor estimado del lote: \$\s80\.000\.000/);

    await offerOnLot2('90000000');
    expect(text(find('lot-2'))).toMatch(/Usted ofrece \$\s90\.000\.000\./);
    await click('review-bid');
    expect(text(find('price-error-2'))).toBe('El precio supera el valor estimado del lote.');
    expect(find('bid-review')).toBeNull();
    http.expectNone({ method: 'PUT', url: BID });
  });

  it('asks a consorcio for two members or more whose shares add up to 100', async () => {
    await render();
    await offerOnLot2('75000000');
    await click('plural-enabled');
    await type('plural-name', 'Consorcio Dotaciones 2026');
    // With its check digit, as people often write it: the API takes the NIT without it.
    await type('member-nit-1', '900.123.456-7');
    await type('member-name-1', 'Confecciones Andinas SAS');
    await type('member-participation-1', '60');
    await type('member-nit-2', '800123456');
    await type('member-name-2', 'Textiles del Valle SAS');
    await type('member-participation-2', '30');
    expect(text(find('participation-sum'))).toBe('Suma de participaciones: 90 % de 100 %');
    await click('review-bid');
    expect(text(find('members-error'))).toBe('Las participaciones de los integrantes deben sumar 100 %.');
    expect(text(find('member-nit-error-1'))).toBe('Escriba de 6 a 15 dígitos, sin el dígito de verificación.');

    await type('member-nit-1', '900.123.456');

    await type('member-participation-2', '40');
    await click('review-bid');
    expect(text(find('sealed-plural'))).toBe('Consorcio: Consorcio Dotaciones 2026');
    await click('seal-bid');
    expect(putRequest().request.body.plural).toEqual({
      kind: 'consorcio',
      name: 'Consorcio Dotaciones 2026',
      members: [
        { nit: '900123456', name: 'Confecciones Andinas SAS', participationPercent: 60, mipyme: false },
        { nit: '800123456', name: 'Textiles del Valle SAS', participationPercent: 40, mipyme: false },
      ],
    });
  });

  it('warns that an adenda requires resubmitting, and withdraws only after confirmation', async () => {
    await render({ existing: receipt({ needsReconfirmation: true }) });
    expect(text(find('needs-reconfirmation'))).toContain('No se evaluará a menos que la revise y la presente de nuevo.');
    expect(text(find('summary-state'))).toMatch(/^Versión 1 · Requiere reconfirmación · /);
    expect(text(find('modify-bid'))).toBe('Revisar y presentar de nuevo');

    await click('withdraw-bid');
    http.expectNone({ method: 'DELETE', url: BID });
    await click('confirm-withdraw');
    const req = http.expectOne({ method: 'DELETE', url: BID });
    expect(req.request.headers.get('Idempotency-Key')).toMatch(/^[\w-]{8,100}$/);
    req.flush(receipt({ status: 'withdrawn', needsReconfirmation: true }));
    await fixture.whenStable();
    expect(text(find('bid-summary'))).toContain('Su oferta fue retirada.');
    expect(find('withdraw-bid')).toBeNull();
    expect(find('needs-reconfirmation')).toBeNull();
    expect(text(find('modify-bid'))).toBe('Presentar una oferta nueva');
  });

  it('modifies a bid from the content this browser sealed when there is no draft', async () => {
    const documents = [{ documentId: 'doc-3', envelope: 'habilitantes' as const, name: 'rut.pdf', sha256: '3e'.repeat(32) }];
    localStorage.setItem(
      SEALED,
      JSON.stringify({ supplierOrganizationId: 'sup-1', receipt: receipt(), content: { ...content, documents } }),
    );
    await render({ existing: receipt() });
    await click('modify-bid');
    expect((find('price-1') as HTMLInputElement).value).toBe('140000000');
    expect((find('component-2') as HTMLInputElement).value).toBe('45');
    expect(find('claim-disabilityBonus')?.querySelector('input')?.checked).toBe(true);
    // The sealed content keeps no size: the hash alone tells the file.
    expect(cells('document-habilitantes-1')).toEqual(['rut.pdf', 'SHA-256 3e3e3e3e3e3e', 'Quitar']);
  });

  it('offers no form once bidding has closed, nor to a member who is not an administrator', async () => {
    await render({ tender: bidTender({ closingAt: '2020-01-01T00:00:00.000Z' }) });
    expect(text(find('bidding-closed'))).toBe('El plazo para presentar ofertas en este proceso terminó.');
    expect(find('review-bid')).toBeNull();
    fixture.destroy();

    const member = signedIn('supplier', 'supplier_admin');
    if (member.authenticated) member.memberships[0] = { ...member.memberships[0], role: 'supplier_member' };
    await render({ session: member });
    expect(text(el)).toContain('Solo un administrador de la organización proveedora puede presentar o retirar la oferta.');
    expect(find('review-bid')).toBeNull();
  });
});
