import { cuantias } from './cuantia';

/** Ley 1150 de 2007 art. 2 num. 2 lit. b (RULES.md §6, "confirm table"). */
const BANDS = [
  { fromSmmlv: 0, menorCuantiaSmmlv: 280 },
  { fromSmmlv: 120_000, menorCuantiaSmmlv: 450 },
  { fromSmmlv: 400_000, menorCuantiaSmmlv: 650 },
  { fromSmmlv: 850_000, menorCuantiaSmmlv: 850 },
  { fromSmmlv: 1_200_000, menorCuantiaSmmlv: 1_000 },
];
const SMMLV_2026 = 1_750_905;

describe('cuantias', () => {
  it.each([
    [0, 280],
    [119_999, 280],
    [120_000, 450],
    [399_999, 450],
    [400_000, 650],
    [850_000, 850],
    [1_199_999, 850],
    [1_200_000, 1_000],
  ])('a budget of %i SMMLV has a menor cuantía of %i SMMLV', (budget, menor) => {
    expect(cuantias(budget, BANDS, SMMLV_2026).menorCuantiaSmmlv).toBe(menor);
  });

  it('converts to whole pesos, mínima cuantía being 10% rounded down', () => {
    expect(cuantias(450_000, BANDS, SMMLV_2026)).toEqual({
      menorCuantiaSmmlv: 650,
      menorCuantiaCop: 1_138_088_250,
      minimaCuantiaCop: 113_808_825,
    });
    expect(cuantias(0, [{ fromSmmlv: 0, menorCuantiaSmmlv: 1 }], 15).minimaCuantiaCop).toBe(1);
  });

  it('refuses a negative or fractional budget', () => {
    expect(() => cuantias(-1, BANDS, SMMLV_2026)).toThrow(RangeError);
    expect(() => cuantias(1.5, BANDS, SMMLV_2026)).toThrow(RangeError);
  });
});
