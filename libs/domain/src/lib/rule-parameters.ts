import { MODALITIES } from './modalities';
import { SCHEDULE_RULE_FIELDS, type ScheduleRule } from './schedule';
import { TIE_BREAK_FACTORS, type TieBreakRule } from './tie-break';
import { SECTORS, type SectorThresholds, type Sector } from './size-class';

/**
 * Shapes and checks of the versioned rule parameters (RULES.md: every figure marked "confirm" is
 * reference data an admin can correct). Used by the API before storing a version and by the admin
 * form before sending one, so both refuse the same values with the same reasons.
 */

/** Decreto 957 de 2019 thresholds in UVT, per sector (RULES.md §1). */
export type SizeThresholdsValue = Record<Sector, SectorThresholds>;

/** Mipyme-limited calls: USD 125.000 and its COP equivalent fixed by MinCIT for a biennium (RULES.md §2). */
export interface MipymeCallThresholdValue {
  usd: number;
  cop: number;
}

/**
 * Menor cuantía by the entity's annual budget in SMMLV (Ley 1150 de 2007 art. 2 num. 2 lit. b, RULES.md §6,
 * "confirm table"): a budget of at least `fromSmmlv` has a menor cuantía of `menorCuantiaSmmlv`.
 */
export interface CuantiaBand {
  fromSmmlv: number;
  menorCuantiaSmmlv: number;
}

export interface RuleParameterProblem {
  /** Dotted path inside the version: `period`, `value`, `value.servicios.micro`, … */
  field: string;
  code:
    'required' | 'period_format' | 'positive_integer' | 'business_days' | 'thresholds_order' | 'bands_order' | 'factor_order' | 'percent';
  message: string;
}

const YEAR = /^\d{4}$/;
const BIENNIUM = /^(\d{4})-(\d{4})$/;

const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

function positive(value: unknown, field: string, problems: RuleParameterProblem[]): void {
  if (!isPositiveInteger(value)) problems.push({ field, code: 'positive_integer', message: `${field} must be a whole number above zero` });
}

function checkPeriod(parameter: string, period: string, problems: RuleParameterProblem[]): void {
  const ok =
    parameter === 'uvt' || parameter === 'smmlv'
      ? YEAR.test(period)
      : parameter === 'mipyme_call_threshold'
        ? BIENNIUM.test(period) && Number(period.slice(5)) === Number(period.slice(0, 4)) + 1
        : period === 'all';
  if (!ok) {
    const expected =
      parameter === 'uvt' || parameter === 'smmlv'
        ? 'a year (2026)'
        : parameter === 'mipyme_call_threshold'
          ? 'a biennium (2025-2026)'
          : '"all"';
    problems.push({ field: 'period', code: 'period_format', message: `period must be ${expected}` });
  }
}

function checkThresholds(value: unknown, problems: RuleParameterProblem[]): void {
  const byS = (value ?? {}) as Partial<Record<Sector, Partial<SectorThresholds>>>;
  for (const sector of SECTORS) {
    const t = byS[sector] ?? {};
    positive(t.micro, `value.${sector}.micro`, problems);
    positive(t.pequena, `value.${sector}.pequena`, problems);
    positive(t.mediana, `value.${sector}.mediana`, problems);
    if (
      isPositiveInteger(t.micro) &&
      isPositiveInteger(t.pequena) &&
      isPositiveInteger(t.mediana) &&
      !(t.micro < t.pequena && t.pequena < t.mediana)
    ) {
      problems.push({ field: `value.${sector}`, code: 'thresholds_order', message: `${sector}: micro < pequeña < mediana is required` });
    }
  }
}

function checkBands(value: unknown, problems: RuleParameterProblem[]): void {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: 'value', code: 'required', message: 'value must list at least one band' });
    return;
  }
  value.forEach((band: Partial<CuantiaBand>, i) => {
    if (!(i === 0 && band?.fromSmmlv === 0)) positive(band?.fromSmmlv, `value.${i}.fromSmmlv`, problems);
    positive(band?.menorCuantiaSmmlv, `value.${i}.menorCuantiaSmmlv`, problems);
  });
  const bands = value as CuantiaBand[];
  const ordered =
    bands[0]?.fromSmmlv === 0 &&
    bands.every((b, i) => i === 0 || (b.fromSmmlv > bands[i - 1].fromSmmlv && b.menorCuantiaSmmlv >= bands[i - 1].menorCuantiaSmmlv));
  if (!ordered)
    problems.push({ field: 'value', code: 'bands_order', message: 'bands must start at 0 SMMLV and rise in budget and in menor cuantía' });
}

/** Business-day offsets per modality; a modality without a public call (contratación directa) is null. */
function checkScheduleDefaults(value: unknown, problems: RuleParameterProblem[]): void {
  const byModality = (value ?? {}) as Partial<Record<string, Partial<ScheduleRule> | null>>;
  for (const modality of MODALITIES) {
    const rule = byModality[modality];
    if (rule === null) continue;
    if (rule === undefined || typeof rule !== 'object') {
      problems.push({
        field: `value.${modality}`,
        code: 'required',
        message: `value.${modality} must be an object of business days or null`,
      });
      continue;
    }
    for (const field of SCHEDULE_RULE_FIELDS) {
      const days = rule[field];
      // The first three steps may not exist in a modality (null); the others always do.
      const nullable = field === 'draftBeforeOpening' || field === 'observationsBeforeOpening' || field === 'mipymeRequestBeforeOpening';
      if (days === null && nullable) continue;
      if (!(typeof days === 'number' && Number.isSafeInteger(days) && days >= 0 && days <= 365)) {
        problems.push({
          field: `value.${modality}.${field}`,
          code: 'business_days',
          message: `value.${modality}.${field} must be 0 to 365 business days`,
        });
      }
    }
  }
}

/** Ley 2069 art. 35: every factor 1–11 once, in any order an admin corrects to; thresholds are percents. */
function checkTieBreak(value: unknown, problems: RuleParameterProblem[]): void {
  const rule = (value ?? {}) as Partial<TieBreakRule>;
  const order = Array.isArray(rule.order) ? rule.order : [];
  if (order.length !== TIE_BREAK_FACTORS.length || TIE_BREAK_FACTORS.some((f) => !order.includes(f)))
    problems.push({
      field: 'value.order',
      code: 'factor_order',
      message: `value.order must list each of ${TIE_BREAK_FACTORS.join(', ')} once`,
    });
  for (const field of ['disabilityPayrollMinPercent', 'ethnicPayrollMinPercent', 'mipymePaymentsMinPercent'] as const) {
    const v = rule[field];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100))
      problems.push({ field: `value.${field}`, code: 'percent', message: `value.${field} must be a percent above 0 and at most 100` });
  }
}

/** Every reason a version of `parameter` cannot be stored; empty when it can. */
export function ruleParameterProblems(parameter: string, period: string, value: unknown): RuleParameterProblem[] {
  const problems: RuleParameterProblem[] = [];
  checkPeriod(parameter, period, problems);
  switch (parameter) {
    case 'uvt':
    case 'smmlv':
      positive(value, 'value', problems);
      break;
    case 'size_thresholds':
      checkThresholds(value, problems);
      break;
    case 'mipyme_call_threshold':
      positive((value as Partial<MipymeCallThresholdValue> | null)?.usd, 'value.usd', problems);
      positive((value as Partial<MipymeCallThresholdValue> | null)?.cop, 'value.cop', problems);
      break;
    case 'menor_cuantia_bands':
      checkBands(value, problems);
      break;
    case 'schedule_defaults':
      checkScheduleDefaults(value, problems);
      break;
    case 'tie_break':
      checkTieBreak(value, problems);
      break;
  }
  return problems;
}

export interface Versioned {
  id: string;
  period: string;
  validFrom: string;
  createdAt: string;
}

/**
 * The version in force for each period on `today` (ISO date): among versions already valid, the one
 * valid from the latest date, and of those the one recorded last (a correction of the same date).
 */
export function currentVersions<T extends Versioned>(versions: readonly T[], today: string): T[] {
  const best = new Map<string, T>();
  for (const v of versions) {
    if (v.validFrom > today) continue;
    const held = best.get(v.period);
    if (!held || v.validFrom > held.validFrom || (v.validFrom === held.validFrom && v.createdAt > held.createdAt)) best.set(v.period, v);
  }
  return [...best.values()];
}
