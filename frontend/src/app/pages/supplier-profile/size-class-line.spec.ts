import { TestBed } from '@angular/core/testing';
import type { Locale, SizeClassificationView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { sizeClassLine } from './size-class-line';

function size(sizeClass: SizeClassificationView['sizeClass'], overrides: Partial<SizeClassificationView>): SizeClassificationView {
  return {
    sizeClass,
    sector: 'servicios',
    incomeCop: '0',
    incomeYear: 2025,
    uvtCop: 49799,
    uvtVersionId: 'uvt-2025',
    thresholdsVersionId: 'decreto-957',
    boundsUvt: { from: null, to: null },
    mipyme: sizeClass !== 'grande',
    classifiedAt: '2026-03-02T15:00:00.000Z',
    ...overrides,
  };
}

describe('sizeClassLine', () => {
  const cases: [string, Locale, SizeClassificationView, string][] = [
    [
      'a small firm, between its bounds',
      'es-CO',
      size('pequena', { incomeCop: '3200000000', boundsUvt: { from: 32988, to: 131951 } }),
      'Pequeña: ingresos 2025 de $3.200 millones en servicios, entre 32.988 y 131.951 UVT',
    ],
    [
      'a micro firm, up to its bound',
      'es-CO',
      size('micro', { sector: 'comercio', incomeCop: '150000000', boundsUvt: { from: null, to: 44769 } }),
      'Micro: ingresos 2025 de $150 millones en comercio, hasta 44.769 UVT',
    ],
    [
      'a large firm, over the mediana bound',
      'es-CO',
      size('grande', { sector: 'manufactura', incomeCop: '251000000000', incomeYear: 2024, boundsUvt: { from: 1736565, to: null } }),
      'Grande: ingresos 2024 de $251.000 millones en manufactura, más de 1.736.565 UVT',
    ],
    [
      'millions below 100 keep one decimal',
      'es-CO',
      size('micro', { incomeCop: '12345678', boundsUvt: { from: null, to: 32988 } }),
      'Micro: ingresos 2025 de $12,3 millones en servicios, hasta 32.988 UVT',
    ],
    [
      'under a million, whole pesos',
      'es-CO',
      size('micro', { incomeCop: '850000', boundsUvt: { from: null, to: 32988 } }),
      'Micro: ingresos 2025 de $850.000 en servicios, hasta 32.988 UVT',
    ],
    [
      'in English, with English grouping',
      'en',
      size('pequena', { incomeCop: '3200000000', boundsUvt: { from: 32988, to: 131951 } }),
      'Small: 2025 income of COP 3,200 million in services, between 32,988 and 131,951 UVT',
    ],
  ];

  it.each(cases)('%s', (_name, locale, view, expected) => {
    localStorage.clear();
    const i18n = TestBed.inject(I18n);
    i18n.use(locale);
    expect(sizeClassLine(view, locale, (key, params) => i18n.t(key, params))).toBe(expected);
  });
});
