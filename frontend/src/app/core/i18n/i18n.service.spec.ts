import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n.service';
import { en } from './messages.en';
import { esCO } from './messages.es-CO';

function entriesOf(node: object, prefix = ''): [string, string][] {
  return Object.entries(node).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : entriesOf(v, `${prefix}${k}.`),
  );
}
const keysOf = (node: object) => entriesOf(node).map(([key]) => key);

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Spanish (Colombia) and sets the document language', () => {
    const i18n = TestBed.inject(I18n);
    TestBed.tick();
    expect(i18n.t('nav.home')).toBe('Inicio');
    expect(document.documentElement.lang).toBe('es-CO');
  });

  it('switches to English, remembers the choice and fills parameters', () => {
    const i18n = TestBed.inject(I18n);
    i18n.use('en');
    TestBed.tick();
    expect(i18n.t('status.latency', { ms: 12 })).toBe('Response time: 12 ms');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('eslabon.locale')).toBe('en');
  });

  it('restores a saved choice and ignores an unknown one', () => {
    localStorage.setItem('eslabon.locale', 'en');
    expect(TestBed.inject(I18n).locale()).toBe('en');
    TestBed.resetTestingModule();
    localStorage.setItem('eslabon.locale', 'fr');
    expect(TestBed.inject(I18n).locale()).toBe('es-CO');
  });

  it('has the same keys, all non-empty, in every language', () => {
    expect(keysOf(en)).toEqual(keysOf(esCO));
    for (const catalog of [en, esCO]) {
      expect(entriesOf(catalog).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });
});
