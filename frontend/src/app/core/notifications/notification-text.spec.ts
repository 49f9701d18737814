import { TestBed } from '@angular/core/testing';
import type { MatchReason } from '@eslabon/contracts';
import { I18n } from '../i18n/i18n.service';
import { reasonText } from './notification-text';

const departments = new Map([['05', 'ANTIOQUIA']]);
const name = (code: string) => departments.get(code) ?? code;

describe('reasonText', () => {
  beforeEach(() => localStorage.clear());

  it.each<[MatchReason, string, string]>([
    [{ code: 'class_match', lot: 1, unspsc: '432115' }, 'Clase 432115 coincide (lote 1)', 'Class 432115 matches (lot 1)'],
    [{ code: 'family_match', lot: 1, unspsc: '4321' }, 'Familia 4321 coincide (lote 1)', 'Family 4321 matches (lot 1)'],
    [{ code: 'operates_in', department: '05' }, 'Opera en ANTIOQUIA', 'Operates in ANTIOQUIA'],
    [{ code: 'operates_in', department: '99' }, 'Opera en 99', 'Operates in 99'],
    [{ code: 'national_coverage' }, 'Cubre todo el país', 'Covers the whole country'],
    [{ code: 'reserved_mipymes', lot: 1 }, 'Lote 1 reservado a mipymes', 'Lot 1 reserved for mipymes'],
    [{ code: 'reserved_economia_popular', lot: 1 }, 'Lote 1 reservado a la economía popular', 'Lot 1 reserved for the economía popular'],
  ])('%o', (reason, spanish, english) => {
    const i18n = TestBed.inject(I18n);
    expect(reasonText(i18n, reason, name)).toBe(spanish);
    i18n.use('en');
    expect(reasonText(i18n, reason, name)).toBe(english);
  });
});
