import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OpenAwardPage, OpenDataIndex } from '@eslabon/contracts';
import { OpenDataPage } from './open-data.page';

const api = 'https://eslabon.example.org/api';
const index: OpenDataIndex = {
  ocidPrefix: 'ocds-eslabn',
  publisher: 'Eslabón',
  links: {
    releases: `${api}/v1/ocds/releases`,
    record: `${api}/v1/ocds/records/{ocid}`,
    bulkReleases: `${api}/v1/ocds/bulk/releases.json`,
    tenders: `${api}/v1/open-data/tenders`,
    awards: `${api}/v1/open-data/awards`,
    awardsCsv: `${api}/v1/open-data/awards.csv`,
    docs: `${api}/docs`,
  },
};
const award = {
  awardId: 'a1',
  ocid: 'ocds-eslabn-t1',
  tenderId: 't1',
  tenderReference: 'ESL-2026-000001',
  tenderTitle: 'Dotación de botas',
  buyerName: 'Alcaldía',
  executionDepartment: '05',
  modality: 'licitacion_publica',
  lotId: 'l1',
  lotTitle: 'Botas',
  decidedAt: '2026-07-01T03:30:00.000Z',
  sizeClass: 'micro',
  nationalIndustry: 'national_goods',
} as const;
const awards: OpenAwardPage = {
  items: [
    { ...award, outcome: 'awarded', supplierName: 'Calzado Andino SAS', valueCop: '80000000' },
    {
      ...award,
      awardId: 'a2',
      lotTitle: 'Guantes',
      outcome: 'void',
      supplierName: null,
      valueCop: null,
      sizeClass: null,
      nationalIndustry: null,
    },
  ],
  total: 2,
  page: 1,
  pageSize: 10,
};

describe('OpenDataPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [OpenDataPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('links the OCDS endpoints and the read API, and lists the latest decisions in Bogotá time', async () => {
    const fixture = TestBed.createComponent(OpenDataPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/open-data').flush(index);
    http.expectOne((r) => r.url === '/api/v1/open-data/awards' && r.params.get('pageSize') === '10').flush(awards);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=ocid-prefix]')?.textContent).toContain('ocds-eslabn-<id del proceso>');
    expect(el.querySelector('[data-testid=link-bulk]')?.getAttribute('href')).toBe(`${api}/v1/ocds/bulk/releases.json`);
    const rows = [...el.querySelectorAll('[data-testid=latest-awards] tbody tr')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Calzado Andino SAS');
    expect(rows[0]).toMatch(/80\.000\.000/);
    // 03:30 UTC on 1 July is still 30 June in Bogotá.
    expect(rows[0]).toContain('30/06/2026');
    expect(rows[1]).toContain('Desierto');
  });

  it('says so when the open data cannot be read', async () => {
    const fixture = TestBed.createComponent(OpenDataPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/open-data').flush({}, { status: 503, statusText: 'Unavailable' });
    http.expectOne((r) => r.url === '/api/v1/open-data/awards');
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain('No fue posible');
  });
});
