import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role, SupplierProfileView, SupplierPublicView } from '@eslabon/contracts';
import { Session } from '../../core/session/session.service';
import { SupplierDetailPage } from './supplier-detail.page';

const supplier = {
  organizationId: 'org-1',
  legalName: 'Confecciones La Montaña S.A.S.',
  tradeName: null,
  nit: '900123456',
  checkDigit: '8',
  supplierType: 'company',
  sizeClass: 'micro',
  mipyme: true,
  womenLed: false,
  domicile: null,
  coverageScope: 'departments',
  coverageCodes: ['05', '17'],
  classes: [{ code: '531023', name: 'Uniformes' }],
  nationalProducts: [],
  description: 'Dotación para personal de salud.',
  certifications: '',
  contactEmail: 'ventas@lamontana.co',
  contactPhone: '6045550000',
  verificationStatus: 'unverified',
} satisfies SupplierPublicView;

const profile = {
  organizationId: 'org-1',
  documents: [
    { id: 'd1', type: 'rut', fileName: 'rut.pdf', contentType: 'application/pdf', sizeBytes: 1000, uploadedAt: '2026-03-02T15:00:00.000Z' },
  ],
  womenLedCriteria: [],
  size: null,
  completeness: { percent: 100, completedSteps: [], missing: [] },
  verification: { status: 'unverified', reason: null, decidedAt: null },
} as unknown as SupplierProfileView;

describe('SupplierDetailPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SupplierDetailPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(role: Role) {
    TestBed.inject(Session).set({
      authenticated: true,
      user: { id: 'u', email: 'a@b.co', name: 'A', locale: 'es-CO' },
      memberships: [
        { organizationId: 'o', organizationName: 'O', kind: role === 'admin' ? 'platform' : 'state_entity', status: 'active', role },
      ],
      activeOrganizationId: 'o',
    });
    const fixture = TestBed.createComponent(SupplierDetailPage);
    fixture.componentRef.setInput('organizationId', 'org-1');
    await fixture.whenStable();
    http.expectOne('/api/v1/suppliers/org-1').flush(supplier);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a buyer the public data only, with what was declared labelled so', async () => {
    const { el } = await render('buyer');
    expect(el.querySelector('h1')?.textContent).toBe('Confecciones La Montaña S.A.S.');
    expect(el.textContent).toContain('Declarado');
    expect(el.textContent).toContain('2 departamentos');
    expect(el.querySelector('esl-supplier-verification')).toBeNull();
    http.expectNone('/api/v1/suppliers/org-1/profile');
  });

  it('lets a platform admin reject only with a reason', async () => {
    const { fixture, el } = await render('admin');
    http.expectOne('/api/v1/suppliers/org-1/profile').flush(profile);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=documents] a')?.getAttribute('href')).toBe('/api/v1/suppliers/org-1/documents/d1');

    const reject = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Rechazar') as HTMLButtonElement;
    reject.click();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Este campo es obligatorio.');
    http.expectNone('/api/v1/admin/suppliers/org-1/verification');

    const reason = el.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = 'El RUT no corresponde al NIT.';
    reason.dispatchEvent(new Event('input'));
    reject.click();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/admin/suppliers/org-1/verification' });
    expect(req.request.body).toEqual({ status: 'rejected', reason: 'El RUT no corresponde al NIT.' });
    req.flush({
      ...profile,
      verification: { status: 'rejected', reason: 'El RUT no corresponde al NIT.', decidedAt: '2026-03-03T15:00:00.000Z' },
    });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=verification-status]')?.textContent).toContain('Verificación rechazada');
  });
});
