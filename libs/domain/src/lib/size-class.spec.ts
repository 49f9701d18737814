import { SizeClassificationError, SizeInput, SizeThresholdsVersion, UvtValue, classifySize, countsAsMipyme } from './size-class';

/** Decreto 957 de 2019 thresholds in UVT (RULES.md §1). */
const DECRETO_957: SizeThresholdsVersion = {
  id: 'decreto-957-2019',
  validFrom: '2019-06-05',
  source: 'Decreto 957 de 2019, art. 2.2.1.13.2.2',
  bySector: {
    manufactura: { micro: 23_563, pequena: 204_995, mediana: 1_736_565 },
    servicios: { micro: 32_988, pequena: 131_951, mediana: 483_034 },
    comercio: { micro: 44_769, pequena: 431_196, mediana: 2_160_692 },
  },
};

/** UVT values (RULES.md §1). */
const UVT: UvtValue[] = [
  { year: 2024, cop: 47_065, source: 'DIAN' },
  { year: 2025, cop: 49_799, source: 'DIAN Res. 000193/2024' },
  { year: 2026, cop: 52_374, source: 'DIAN Res. 000238/2025' },
];

const cop = (uvt: number, year: number) => uvt * (UVT.find((u) => u.year === year) as UvtValue).cop;
const classify = (input: SizeInput) => classifySize(input, DECRETO_957, UVT).sizeClass;

describe('classifySize (Decreto 957 de 2019)', () => {
  it('matches the worked example: 2025 servicios, micro up to 32.988 × 49.799 = COP 1.642.769.412', () => {
    expect(cop(32_988, 2025)).toBe(1_642_769_412);
    expect(classify({ sector: 'servicios', incomeCop: 1_642_769_412, incomeYear: 2025 })).toBe('micro');
    expect(classify({ sector: 'servicios', incomeCop: 1_642_769_413, incomeYear: 2025 })).toBe('pequena');
  });

  // Every boundary of every sector, in two UVT years: at the limit ("≤") and one peso above (">").
  const cases = (['manufactura', 'servicios', 'comercio'] as const).flatMap((sector) =>
    [2024, 2026].flatMap((year) => {
      const t = DECRETO_957.bySector[sector];
      return [
        [sector, year, 0, 'micro'],
        [sector, year, cop(t.micro, year), 'micro'],
        [sector, year, cop(t.micro, year) + 1, 'pequena'],
        [sector, year, cop(t.pequena, year), 'pequena'],
        [sector, year, cop(t.pequena, year) + 1, 'mediana'],
        [sector, year, cop(t.mediana, year), 'mediana'],
        [sector, year, cop(t.mediana, year) + 1, 'grande'],
      ] as const;
    }),
  );

  it.each(cases)('%s %d: COP %d → %s', (sector, incomeYear, incomeCop, expected) => {
    expect(classify({ sector, incomeCop, incomeYear })).toBe(expected);
  });

  it('converts with the UVT of the income year: the same pesos can be micro in 2026 and pequeña in 2024', () => {
    const income = cop(23_563, 2026);
    expect(classify({ sector: 'manufactura', incomeCop: income, incomeYear: 2026 })).toBe('micro');
    expect(classify({ sector: 'manufactura', incomeCop: income, incomeYear: 2024 })).toBe('pequena');
  });

  it('records what it used, so the result can be reproduced', () => {
    expect(classifySize({ sector: 'comercio', incomeCop: cop(50_000, 2025), incomeYear: 2025 }, DECRETO_957, UVT)).toEqual({
      sizeClass: 'pequena',
      sector: 'comercio',
      incomeCop: cop(50_000, 2025),
      incomeYear: 2025,
      uvt: UVT[1],
      thresholdsVersionId: 'decreto-957-2019',
      boundsUvt: { from: 44_769, to: 431_196 },
    });
  });

  it.each([
    [{ sector: 'servicios', incomeCop: -1, incomeYear: 2025 }, 'invalid_income'],
    [{ sector: 'servicios', incomeCop: 10.5, incomeYear: 2025 }, 'invalid_income'],
    [{ sector: 'servicios', incomeCop: 1_000, incomeYear: 2023 }, 'no_uvt_for_year'],
  ] as const)('refuses %j (%s)', (input, code) => {
    expect(() => classifySize(input, DECRETO_957, UVT)).toThrow(SizeClassificationError);
    try {
      classifySize(input, DECRETO_957, UVT);
    } catch (e) {
      expect((e as SizeClassificationError).code).toBe(code);
    }
  });
});

describe('countsAsMipyme (art. 23 Ley 2069 de 2020)', () => {
  it.each([
    ['micro', false, true],
    ['pequena', false, true],
    ['mediana', false, true],
    ['grande', false, false],
    ['grande', true, true],
  ] as const)('%s, economía solidaria %s → %s', (size, solidaria, expected) => {
    expect(countsAsMipyme(size, solidaria)).toBe(expected);
  });
});
