/**
 * Scoring rules a tender's evaluation criteria must respect (RULES.md §4). National industry —
 * Ley 816 de 2003, Decreto 680 de 2021: 10% to 20% of the total points go to national goods or
 * services, and 5% to 15% to foreign ones that incorporate Colombian components. Every part of the
 * criteria adds up to the total. Points are compared in hundredths, the precision of the usual 0,25
 * bonus points, so no floating-point remainder decides a boundary.
 */

export interface CriteriaPart {
  key: string;
  points: number;
}

export interface EvaluationCriteria {
  totalPoints: number;
  /** Price, quality, experience… and the bonuses the process grants (mipyme, women-led, disability). */
  parts: readonly CriteriaPart[];
  /** Points for national goods or services (part of the total). */
  nationalIndustryPoints: number;
  /** Points a foreign offer with Colombian components gets instead. */
  foreignComponentPoints: number;
}

export interface CriteriaProblem {
  field: string;
  code: 'points_format' | 'total_mismatch' | 'national_industry_band' | 'foreign_component_band';
}

export const NATIONAL_INDUSTRY_BAND = { minPercent: 10, maxPercent: 20 } as const;
export const FOREIGN_COMPONENT_BAND = { minPercent: 5, maxPercent: 15 } as const;

/** Points as whole hundredths, or null when the value has finer precision or is negative. */
function hundredths(points: number): number | null {
  const h = Math.round(points * 100);
  return Number.isFinite(points) && points >= 0 && Math.abs(h - points * 100) < 1e-6 ? h : null;
}

function withinBand(points: number, total: number, band: { minPercent: number; maxPercent: number }): boolean {
  // points / total within [min%, max%], multiplied out to stay in integers.
  return points * 100 >= total * band.minPercent && points * 100 <= total * band.maxPercent;
}

export function criteriaProblems(c: EvaluationCriteria): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  const read = (field: string, value: number) => {
    const h = hundredths(value);
    if (h === null) problems.push({ field, code: 'points_format' });
    return h;
  };
  const total = read('totalPoints', c.totalPoints);
  const parts = c.parts.map((p, i) => read(`parts.${i}.points`, p.points));
  const national = read('nationalIndustryPoints', c.nationalIndustryPoints);
  const foreign = read('foreignComponentPoints', c.foreignComponentPoints);
  if (total === null || national === null || foreign === null || parts.some((p) => p === null)) return problems;
  if (total <= 0) return [...problems, { field: 'totalPoints', code: 'points_format' }];
  if (parts.reduce<number>((sum, p) => sum + (p as number), 0) + national !== total)
    problems.push({ field: 'parts', code: 'total_mismatch' });
  if (!withinBand(national, total, NATIONAL_INDUSTRY_BAND))
    problems.push({ field: 'nationalIndustryPoints', code: 'national_industry_band' });
  if (!withinBand(foreign, total, FOREIGN_COMPONENT_BAND))
    problems.push({ field: 'foreignComponentPoints', code: 'foreign_component_band' });
  return problems;
}
