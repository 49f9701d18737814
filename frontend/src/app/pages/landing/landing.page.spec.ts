import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../../core/i18n/i18n.service';
import { LandingPage } from './landing.page';

describe('LandingPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [LandingPage], providers: [provideRouter([])] });
  });

  it('explains Eslabón in Spanish with one h1 and a heading per section', async () => {
    const fixture = TestBed.createComponent(LandingPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('h1')?.textContent).toContain('industria nacional');
    expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim())).toEqual([
      '¿Para quién es Eslabón?',
      'Cómo funciona',
      'Marco normativo',
    ]);
    expect(el.querySelectorAll('.cards > li')).toHaveLength(3);
    expect(el.querySelectorAll('.steps > li')).toHaveLength(4);
    for (const section of Array.from(el.querySelectorAll('section'))) {
      expect(el.querySelector(`#${section.getAttribute('aria-labelledby')}`)).not.toBeNull();
    }
  });

  it('follows the language switch', async () => {
    const fixture = TestBed.createComponent(LandingPage);
    await fixture.whenStable();
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Public procurement that grows national industry');
  });
});
