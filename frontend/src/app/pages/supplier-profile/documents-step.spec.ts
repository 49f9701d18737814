import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SupplierProfileView } from '@eslabon/contracts';
import { DocumentsStep } from './documents-step';
import { useHttpTesting } from '../../../testing/http-testing';

const profile = {
  organizationId: 'org-1',
  documents: [
    {
      id: 'doc-1',
      type: 'rut',
      fileName: 'rut.pdf',
      contentType: 'application/pdf',
      sizeBytes: 250_000,
      uploadedAt: '2026-03-02T15:00:00.000Z',
    },
  ],
} as SupplierProfileView;

describe('DocumentsStep', () => {
  const httpTesting = useHttpTesting();
  let http: HttpTestingController;

  beforeEach(() => {
    http = httpTesting();
  });

  async function render() {
    const fixture = TestBed.createComponent(DocumentsStep);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('profile', profile);
    const saved: SupplierProfileView[] = [];
    fixture.componentInstance.saved.subscribe((p) => saved.push(p));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector<HTMLInputElement>('input[type=file]') as HTMLInputElement;
    return {
      el,
      saved,
      stable: () => fixture.whenStable(),
      async attach(file: File): Promise<void> {
        Object.defineProperty(input, 'files', { value: [file], configurable: true });
        input.dispatchEvent(new Event('change'));
        await fixture.whenStable();
      },
      async chooseType(label: string): Promise<void> {
        el.querySelector<HTMLElement>('mat-select')?.click();
        await fixture.whenStable();
        Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
          .find((o) => o.textContent?.trim() === label)
          ?.click();
        await fixture.whenStable();
      },
      upload: () => el.querySelector<HTMLButtonElement>('button[type=submit]')?.click(),
    };
  }

  it('lists the documents with a download link and the Spanish type', async () => {
    const { el } = await render();
    const row = el.querySelector('[data-testid=documents] li');
    expect(row?.textContent).toContain('RUT');
    expect(row?.textContent).toContain('rut.pdf');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/api/v1/suppliers/org-1/documents/doc-1');
  });

  it('refuses in the browser a file that is too large or of another type', async () => {
    const page = await render();
    await page.chooseType('Certificado de Cámara de Comercio');
    await page.attach(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'camara.pdf', { type: 'application/pdf' }));
    page.upload();
    await page.stable();
    expect(page.el.querySelector('#document-file-error')?.textContent?.trim()).toBe('El archivo es demasiado grande.');
    await page.attach(new File(['x'], 'camara.docx', { type: 'application/msword' }));
    expect(page.el.querySelector('#document-file-error')?.textContent?.trim()).toBe('Solo se aceptan archivos PDF, PNG o JPEG.');
    http.expectNone('/api/v1/suppliers/org-1/documents');
  });

  it('uploads type and file as multipart, then reloads the profile', async () => {
    const page = await render();
    await page.chooseType('Certificado de Cámara de Comercio');
    const file = new File(['%PDF-1.7'], 'camara.pdf', { type: 'application/pdf' });
    await page.attach(file);
    page.upload();
    const upload = http.expectOne('/api/v1/suppliers/org-1/documents');
    const body = upload.request.body as FormData;
    expect(upload.request.method).toBe('POST');
    expect(body.get('type')).toBe('chamber_certificate');
    expect((body.get('file') as File).name).toBe('camara.pdf');
    upload.flush({
      id: 'doc-2',
      type: 'chamber_certificate',
      fileName: 'camara.pdf',
      contentType: 'application/pdf',
      sizeBytes: 8,
      uploadedAt: '',
    });
    const reloaded = { ...profile, documents: [] };
    http.expectOne('/api/v1/suppliers/org-1/profile').flush(reloaded);
    await page.stable();
    expect(page.saved).toEqual([reloaded]);
  });
});
