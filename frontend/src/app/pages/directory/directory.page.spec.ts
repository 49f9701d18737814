import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SupplierDirectoryPage, SupplierPublicView } from '@eslabon/contracts';
import { DirectoryPage } from './directory.page';

const supplier: SupplierPublicView = {
  organizationId: 'org-1',
  legalName: 'Confecciones La Montaña S.A.S.',
  tradeName: 'La Montaña',
  nit: '900123456',
  checkDigit: '8',
  supplierType: 'company',
  sizeClass: 'micro',
  mipyme: true,
  womenLed: true,
  domicile: { code: '05001', name: 'Medellín', departmentCode: '05', departmentName: 'Antioquia' },
  coverageScope: 'national',
  coverageCodes: [],
  classes: [
    { code: '531023', name: 'Uniformes' },
    { code: '531015', name: 'Pantalones' },
    { code: '531016', name: 'Camisas' },
    { code: '531017', name: 'Chaquetas' },
  ],
  nationalProducts: [
    {
      id: 'p1',
      name: 'Overol',
      unspscClass: '531023',
      unspscName: 'Uniformes',
      rpbnNumber: 'R-1',
      rpbnExpiresOn: '2027-01-01',
      expired: false,
    },
    {
      id: 'p2',
      name: 'Bata',
      unspscClass: '531023',
      unspscName: 'Uniformes',
      rpbnNumber: 'R-2',
      rpbnExpiresOn: '2024-01-01',
      expired: true,
    },
  ],
  description: '',
  certifications: '',
  contactEmail: 'ventas@lamontana.co',
  contactPhone: '6045550000',
  verificationStatus: 'unverified',
};

describe('DirectoryPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'proveedores', component: DirectoryPage }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const search = () => http.expectOne((req) => req.url === '/api/v1/suppliers');
  const params = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
  const page = (items: SupplierPublicView[], total = items.length): SupplierDirectoryPage => ({
    items,
    total,
    totalCapped: false,
    page: 1,
    pageSize: 20,
  });

  it('searches with the filters of a shared link and shows them in the form', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/proveedores?size=micro&department=05&nationalProducts=true&page=2', DirectoryPage);
    http.expectOne('/api/v1/reference/divipola/departments').flush([{ code: '05', name: 'Antioquia' }]);
    const req = search();
    expect(params(req)).toEqual({ department: '05', size: 'micro', nationalProducts: 'true', page: '2', pageSize: '20' });
    req.flush(page([supplier], 21));
    await harness.fixture.whenStable();

    const el = harness.routeNativeElement as HTMLElement;
    expect(el.querySelector<HTMLInputElement>('mat-checkbox:nth-of-type(2) input')?.checked).toBe(true);
    const card = el.querySelector('[data-testid=suppliers] li')?.textContent?.replace(/\s+/g, ' ');
    expect(card).toContain('La Montaña');
    expect(card).toContain('Declarado');
    expect(card).toContain('Empresa de mujeres');
    expect(card).toContain('Micro · Empresa · Medellín, Antioquia');
    expect(card).toContain('Uniformes, Pantalones, Camisas y 1 más');
    expect(card).toContain('Productos nacionales: 1');
    expect(el.querySelector('[data-testid=suppliers] a')?.getAttribute('href')).toBe('/proveedores/org-1');
  });

  it('builds the query from the filters and puts it in the URL', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/proveedores', DirectoryPage);
    http.expectOne('/api/v1/reference/divipola/departments').flush([]);
    expect(params(search())).toEqual({ page: '1', pageSize: '20' });
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement as HTMLElement;

    const q = el.querySelector<HTMLInputElement>('input[formcontrolname=q]') as HTMLInputElement;
    q.value = ' uniformes ';
    q.dispatchEvent(new Event('input'));
    el.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await harness.fixture.whenStable();

    const req = search();
    expect(params(req)).toEqual({ q: 'uniformes', womenLed: 'true', page: '1', pageSize: '20' });
    expect(TestBed.inject(Router).url).toBe('/proveedores?q=uniformes&womenLed=true');
    req.flush(page([]));
    await harness.fixture.whenStable();
    expect(el.querySelector('[data-testid=suppliers]')?.textContent).toContain('Ningún proveedor coincide');
  });
});
