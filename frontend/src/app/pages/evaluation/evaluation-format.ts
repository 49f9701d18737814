import { DestroyRef, Pipe, PipeTransform, WritableSignal, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type {
  CriteriaPartInput,
  EvaluationReport,
  Locale,
  NationalIndustryStatus,
  OpenedBid,
  TenderCriteriaInput,
} from '@eslabon/contracts';
import { BONUS_PARTS, PRICE_PART } from '@eslabon/domain';
import type { Observable } from 'rxjs';
import { problemOf, showProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderErrorPipe, bogotaToday, tenderErrorMessage } from '../tenders/tender-format';

/** Points as the API gives them, always with two decimals so a column of totals lines up ("87,50"). */
export function formatPoints(points: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(points);
}

@Pipe({ name: 'points' })
export class PointsPipe implements PipeTransform {
  transform(points: number, locale: Locale): string {
    return formatPoints(points, locale);
  }
}

/** The words for a refusal: the evaluation catalog first, then the tenders one and the shared one. */
export function evaluationErrorMessage(i18n: I18n, code: string | undefined): string {
  const key = `evaluation.errors.${code}`;
  return i18n.has(key) ? i18n.t(key) : tenderErrorMessage(i18n, code);
}

/** What a form shows while it is sent: busy, and a refusal that belongs to no single field. */
export interface SendState {
  busy: WritableSignal<boolean>;
  failure: WritableSignal<string>;
}

/**
 * FormPage's flow for the evaluation forms, which live in components rather than pages: send when
 * valid, put each field error the server returns next to its control, and word the rest with the
 * evaluation codes.
 */
export function sendForm<T>(i18n: I18n, form: FormGroup, state: SendState, call: () => Observable<T>, done: (result: T) => void): void {
  form.markAllAsTouched();
  if (form.invalid) return;
  state.busy.set(true);
  state.failure.set('');
  call().subscribe({
    next: (result) => {
      state.busy.set(false);
      done(result);
    },
    error: (error: unknown) => {
      state.busy.set(false);
      const rest = showProblem(form, problemOf(error));
      state.failure.set(rest ? evaluationErrorMessage(i18n, rest.code) : '');
    },
  });
}

/** TenderErrorPipe, with the words of the evaluation codes (`points_range`…). */
@Pipe({ name: 'evaluationError', pure: false })
export class EvaluationErrorPipe extends TenderErrorPipe implements PipeTransform {
  // The base classes keep their I18n private.
  private readonly catalog = inject(I18n);

  override transform(control: AbstractControl | null): string {
    const key = `evaluation.errors.${control?.errors?.['server']}`;
    return this.catalog.has(key) ? this.catalog.t(key) : super.transform(control);
  }
}

/** The criteria parts the committee scores: every one except price and the bonuses, which the system computes. */
export function committeeParts(criteria: TenderCriteriaInput): CriteriaPartInput[] {
  const computed: readonly string[] = [PRICE_PART, ...Object.values(BONUS_PARTS)];
  return criteria.parts.filter((part) => !computed.includes(part.key));
}

/** Points from 0 to the part's maximum with at most two decimals, refused with the API's own codes. */
export function pointsWithin(max: number): ValidatorFn {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null) return null;
    if (value < 0 || value > max) return { server: 'points_range' };
    // Within a rounding error of a whole hundredth: 0.29 × 100 is 28.999… in binary floating point.
    return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6 ? null : { server: 'points_format' };
  };
}

/**
 * Keeps enabled only the controls the chosen outcome needs (dates to award, a reason to declare void…):
 * the others are hidden, so they must neither block sending nor be sent.
 */
export function followOutcome<O extends string>(
  outcome: AbstractControl<O>,
  needs: Record<O, readonly AbstractControl[]>,
  destroyRef: DestroyRef,
): void {
  const all = new Set(Object.values<readonly AbstractControl[]>(needs).flat());
  const apply = (value: O) => {
    for (const control of all) {
      if (needs[value].includes(control)) control.enable({ emitEvent: false });
      else control.disable({ emitEvent: false });
    }
  };
  apply(outcome.value);
  outcome.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(apply);
}

/** A tie-break factor of Ley 2069 art. 35 by its name in the reader's language; an unknown one by its code. */
export function factorLabel(i18n: I18n, factor: string): string {
  const key = `evaluation.factors.${factor}`;
  return i18n.has(key) ? i18n.t(key) : factor;
}

export function nationalIndustryLabel(i18n: I18n, status: NationalIndustryStatus): string {
  return i18n.t(`evaluation.nationalIndustry.${status}`);
}

/** A supplier's size class (Decreto 957 de 2019); one without a classification says so. */
export function sizeLabel(i18n: I18n, size: OpenedBid['sizeClass']): string {
  return size ? i18n.t(`evaluation.sizes.${size}`) : i18n.t('evaluation.award.unclassified');
}

/** The start of a SHA-256 digest: enough to tell bids apart on screen; the whole one is in the title. */
export const shortDigest = (digest: string) => digest.slice(0, 12);

/** Observations are received until the end of the report's Bogotá day; the award comes after. */
export function commentPeriodOpen(report: Pick<EvaluationReport, 'commentUntil'> | null): boolean {
  return !!report && bogotaToday() <= report.commentUntil;
}
