import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TenderStatus } from '@eslabon/contracts';
import { PublicTenderPage } from '../tenders/public-tender.page';
import { tenderView } from '../tenders/tender-view.fixture';
import { awardView } from './evaluation.fixture';
import { TenderAwards } from './tender-awards';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('TenderAwards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('shows per lot the winner, the value, its origin and size, or that the lot was void and why', async () => {
    const fixture = TestBed.createComponent(TenderAwards);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/t1/awards').flush([
      awardView(),
      awardView({
        lotId: 'lot-2',
        lotTitle: 'Gorros',
        outcome: 'void',
        reason: 'Ningún oferente cumplió.',
        supplierName: null,
        valueCop: null,
      }),
    ]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const awarded = el.querySelector('[data-testid=award-lot-1]');
    expect(text(awarded?.querySelector('h3') ?? null)).toBe('Batas');
    expect(text(awarded?.querySelector('[data-testid=award-winner]') ?? null)).toBe('Textiles del Valle');
    expect(text(awarded?.querySelector('[data-testid=award-value]') ?? null)).toBe('$ 140.000.000');
    expect(text(awarded?.querySelector('[data-testid=award-origin]') ?? null)).toBe('Bienes nacionales');
    expect(text(awarded?.querySelector('[data-testid=award-size]') ?? null)).toBe('Mediana empresa');
    expect(text(el.querySelector('[data-testid=award-lot-2] [data-testid=award-void]'))).toBe('Desierto: Ningún oferente cumplió.');
    expect(el.querySelector('[data-testid=award-lot-2] [data-testid=award-winner]')).toBeNull();
    expect(el.querySelector('[data-testid=report-link]')?.getAttribute('href')).toBe('/procesos/t1/informe');
  });

  it('says in English what an unclassified winner offers', async () => {
    localStorage.setItem('eslabon.locale', 'en');
    const fixture = TestBed.createComponent(TenderAwards);
    fixture.componentRef.setInput('tenderId', 't1');
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/t1/awards').flush([awardView({ sizeClass: null, nationalIndustry: 'foreign_with_component' })]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[data-testid=award-origin]'))).toBe('Foreign with national component');
    expect(text(el.querySelector('[data-testid=award-size]'))).toBe('Unclassified');
  });

  describe('on the public tender page', () => {
    async function render(status: TenderStatus) {
      const fixture = TestBed.createComponent(PublicTenderPage);
      fixture.componentRef.setInput('tenderId', 't1');
      await fixture.whenStable();
      http.expectOne('/api/v1/public/tenders/t1').flush(tenderView({ status }));
      http.expectOne('/api/v1/public/tenders/t1/questions').flush([]);
      http.expectOne('/api/v1/public/tenders/t1/versions').flush([]);
      await fixture.whenStable();
      return { fixture, el: fixture.nativeElement as HTMLElement };
    }

    it('shows the outcome once the tender is awarded', async () => {
      const { fixture, el } = await render('awarded');
      http.expectOne('/api/v1/tenders/t1/awards').flush([awardView()]);
      await fixture.whenStable();
      expect(text(el.querySelector('[data-testid=award-winner]'))).toBe('Textiles del Valle');
    });

    it('links to the report while under evaluation, before any award', async () => {
      const { el } = await render('under_evaluation');
      http.expectNone('/api/v1/tenders/t1/awards');
      expect(el.querySelector('esl-tender-awards')).toBeNull();
      expect(el.querySelector('[data-testid=report-link]')?.getAttribute('href')).toBe('/procesos/t1/informe');
    });
  });
});
