import { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  TENDER_MILESTONES,
  type CriteriaPartInput,
  type LotInput,
  type ProductiveBet,
  type TenderInput,
  type TenderMilestone,
  type TenderModality,
  type TenderSchedule,
  type RuleParameterVersionView,
  type TerritorialScope,
} from '@eslabon/contracts';
import type { ScheduleDefaults, ScheduleRule } from '@eslabon/domain';
import { normalizePesos, sumPesos, wholePesos } from './tender-format';

/**
 * The tender as one form whose control paths are the API's field paths (`lots.0.title`, `schedule.closing`,
 * `criteria.parts.1.points`), so `showProblem` puts each server refusal on its own control.
 */
export type LotForm = FormGroup<{
  title: FormControl<string>;
  description: FormControl<string>;
  unspscClasses: FormControl<string[]>;
  quantity: FormControl<string>;
  unit: FormControl<string>;
  estimatedValueCop: FormControl<string>;
  reservedForMipymes: FormControl<boolean>;
  reservedForEconomiaPopular: FormControl<boolean>;
  /** An empty scope means the lot is open to the whole country. */
  territorialLimitation: FormGroup<{ scope: FormControl<TerritorialScope | ''>; codes: FormControl<string[]> }>;
  nationalComponentMinPercent: FormControl<number | null>;
}>;

export type PartForm = FormGroup<{ key: FormControl<string>; label: FormControl<string>; points: FormControl<number> }>;

/** The part keys a buyer starts from; the defaults pass the Ley 816 bands (10 of 100 to national industry). */
export const DEFAULT_PARTS = [
  { key: 'price', points: 70 },
  { key: 'quality', points: 19.5 },
  { key: 'mipyme_bonus', points: 0.25 },
  { key: 'women_led_bonus', points: 0.25 },
] as const;
export const DEFAULT_CRITERIA = { totalPoints: 100, nationalIndustryPoints: 10, foreignComponentPoints: 5 } as const;

export function lotForm(fb: NonNullableFormBuilder, lot?: LotInput): LotForm {
  return fb.group({
    title: [lot?.title ?? '', Validators.required],
    description: [lot?.description ?? ''],
    unspscClasses: [lot?.unspscClasses ?? [], Validators.required],
    quantity: [lot?.quantity ?? '1', [Validators.required, Validators.pattern(/^\d+$/)]],
    unit: [lot?.unit ?? '', Validators.required],
    estimatedValueCop: [lot?.estimatedValueCop ?? '', [Validators.required, wholePesos]],
    reservedForMipymes: [lot?.reservedForMipymes ?? false],
    reservedForEconomiaPopular: [lot?.reservedForEconomiaPopular ?? false],
    territorialLimitation: fb.group({
      scope: [(lot?.territorialLimitation?.scope ?? '') as TerritorialScope | ''],
      codes: [lot?.territorialLimitation?.codes ?? []],
    }),
    nationalComponentMinPercent: fb.control<number | null>(lot?.nationalComponentMinPercent ?? null, [
      Validators.min(0),
      Validators.max(100),
    ]),
  });
}

export function partForm(fb: NonNullableFormBuilder, part: CriteriaPartInput): PartForm {
  return fb.group({ key: [part.key, Validators.required], label: [part.label, Validators.required], points: [part.points] });
}

export function tenderForm(fb: NonNullableFormBuilder) {
  return fb.group({
    title: ['', Validators.required],
    description: ['', Validators.required],
    modality: ['' as TenderModality | '', Validators.required],
    productiveBet: fb.control<ProductiveBet | null>(null),
    executionDepartment: ['', Validators.required],
    executionMunicipality: [''],
    lots: fb.array<LotForm>([]),
    // Empty where the modality has no such step; the schedule rule says which are required.
    schedule: fb.group({
      ...(Object.fromEntries(TENDER_MILESTONES.map((m) => [m, ''])) as Record<TenderMilestone, string>),
      // Every modality opens and closes; the schedule rule says which other steps it has.
      opening: ['', Validators.required],
      closing: ['', Validators.required],
    }),
    closingTime: ['17:00', [Validators.required, Validators.pattern(/^([01]\d|2[0-3]):[0-5]\d$/)]],
    criteria: fb.group({
      totalPoints: [DEFAULT_CRITERIA.totalPoints as number],
      parts: fb.array<PartForm>([]),
      nationalIndustryPoints: [DEFAULT_CRITERIA.nationalIndustryPoints as number],
      foreignComponentPoints: [DEFAULT_CRITERIA.foreignComponentPoints as number],
    }),
  });
}
export type TenderForm = ReturnType<typeof tenderForm>;

/** Shows a saved tender (or the terms being amended) in the form. */
export function fillTenderForm(form: TenderForm, fb: NonNullableFormBuilder, input: TenderInput): void {
  form.controls.lots.clear();
  for (const lot of input.lots) form.controls.lots.push(lotForm(fb, lot));
  form.controls.criteria.controls.parts.clear();
  for (const part of input.criteria.parts) form.controls.criteria.controls.parts.push(partForm(fb, part));
  form.patchValue({
    ...input,
    executionMunicipality: input.executionMunicipality ?? '',
    schedule: Object.fromEntries(TENDER_MILESTONES.map((m) => [m, input.schedule[m] ?? ''])),
    lots: input.lots.map((lot) => ({ ...lot, territorialLimitation: lot.territorialLimitation ?? { scope: '', codes: [] } })),
  });
}

/** The schedule as the API takes it: only the milestones with a date. */
export function scheduleOf(form: TenderForm): TenderSchedule {
  const dates = form.controls.schedule.getRawValue();
  return Object.fromEntries(Object.entries(dates).filter(([, date]) => date)) as TenderSchedule;
}

export function lotInput(lot: LotForm['value']): LotInput {
  const limitation = lot.territorialLimitation;
  return {
    title: lot.title?.trim() ?? '',
    description: lot.description?.trim() ?? '',
    unspscClasses: lot.unspscClasses ?? [],
    quantity: lot.quantity?.trim() ?? '',
    unit: lot.unit?.trim() ?? '',
    estimatedValueCop: normalizePesos(lot.estimatedValueCop ?? ''),
    reservedForMipymes: lot.reservedForMipymes ?? false,
    reservedForEconomiaPopular: lot.reservedForEconomiaPopular ?? false,
    territorialLimitation: limitation?.scope ? { scope: limitation.scope, codes: limitation.codes ?? [] } : null,
    nationalComponentMinPercent: lot.nationalComponentMinPercent ?? null,
  };
}

export function tenderInput(form: TenderForm): TenderInput {
  const value = form.getRawValue();
  const lots = value.lots.map(lotInput);
  return {
    title: value.title.trim(),
    description: value.description.trim(),
    modality: value.modality as TenderModality,
    productiveBet: value.productiveBet,
    executionDepartment: value.executionDepartment,
    executionMunicipality: value.executionMunicipality || null,
    estimatedValueCop: sumPesos(lots.map((lot) => lot.estimatedValueCop)),
    schedule: scheduleOf(form),
    closingTime: value.closingTime,
    criteria: value.criteria,
    lots,
  };
}

/**
 * Puts a rule's browser-side verdict on the controls it names, keyed `server` as the API would send it
 * (so the field shows the same words), keeping each control's own checks.
 */
export function showRuleProblems(
  group: AbstractControl,
  paths: readonly string[],
  problems: readonly { path: string; code: string }[],
): void {
  for (const path of paths) {
    const control = group.get(path);
    if (!control) continue;
    const own = control.validator?.(control) ?? null;
    const code = problems.find((p) => p.path === path)?.code;
    control.setErrors(code ? { ...own, server: code } : own, { emitEvent: false });
  }
}

/** The schedule defaults in force: the current version with the latest start. */
export function scheduleDefaultsOf(versions: RuleParameterVersionView[]): ScheduleDefaults | null {
  const current = versions
    .filter((v) => v.parameter === 'schedule_defaults' && v.current)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return current ? (current.value as ScheduleDefaults) : null;
}

/** The modality's schedule rule; null when it has no public call, undefined while unknown. */
export function ruleOf(modality: TenderModality | '', defaults: ScheduleDefaults | null): ScheduleRule | null | undefined {
  return modality && defaults ? (defaults[modality] ?? null) : undefined;
}
