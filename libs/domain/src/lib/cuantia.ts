import type { CuantiaBand } from './rule-parameters';

/**
 * Menor and mínima cuantía of an entity under the EGCAP (RULES.md §6): menor cuantía follows the
 * entity's annual budget in SMMLV (Ley 1150 de 2007 art. 2 num. 2 lit. b, bands as versioned data);
 * mínima cuantía is up to 10% of the menor cuantía (Ley 1474 de 2011 art. 94).
 */
export interface Cuantias {
  menorCuantiaSmmlv: number;
  menorCuantiaCop: number;
  minimaCuantiaCop: number;
}

export function cuantias(annualBudgetSmmlv: number, bands: readonly CuantiaBand[], smmlvCop: number): Cuantias {
  if (!Number.isSafeInteger(annualBudgetSmmlv) || annualBudgetSmmlv < 0)
    throw new RangeError('The budget must be a whole, non-negative number of SMMLV');
  const band = [...bands].reverse().find((b) => annualBudgetSmmlv >= b.fromSmmlv);
  if (!band) throw new RangeError('No band covers this budget');
  const menorCuantiaCop = band.menorCuantiaSmmlv * smmlvCop;
  // Whole pesos: 10% rounded down, so a value at the limit is never above it.
  return { menorCuantiaSmmlv: band.menorCuantiaSmmlv, menorCuantiaCop, minimaCuantiaCop: Math.floor(menorCuantiaCop / 10) };
}
