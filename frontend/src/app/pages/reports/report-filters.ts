import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { PRODUCTIVE_BETS, TENDER_MODALITIES, type ProblemDetails, type ReportQuery } from '@eslabon/contracts';
import { debounceTime, filter } from 'rxjs';
import { showProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import type { Department, UnspscNode } from '../../core/reference/reference.client';
import { reportErrorMessage } from './report-format';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from './report-query';

/** Long enough to type a date or pick several filters in a row: one dashboard request for all of it. */
export const FILTER_DEBOUNCE_MS = 400;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The end of the period may not come before its start (the API refuses it with the same code). */
function notBeforeFrom(control: AbstractControl<string>): ValidationErrors | null {
  const from = control.parent?.get('from')?.value as string | undefined;
  return from && control.value && control.value < from ? { period_order: true } : null;
}

/** The dashboard's filters; each change (debounced, once valid) is handed to the page, which puts it in the URL. */
@Component({
  selector: 'esl-report-filters',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './report-filters.html',
  styleUrl: './report-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFilters {
  protected readonly i18n = inject(I18n);
  readonly query = input.required<ReportQuery>();
  readonly today = input.required<string>();
  readonly mayChooseBuyer = input.required<boolean>();
  /** The buyer's own organization, which the API pins its reports to. */
  readonly ownOrganization = input<string>();
  readonly buyers = input.required<ReadonlyMap<string, string>>();
  readonly departments = input.required<readonly Department[]>();
  readonly segments = input.required<readonly UnspscNode[]>();
  /** A refusal of the API, whose field errors go next to their fields. */
  readonly problem = input<ProblemDetails | null>(null);
  readonly changed = output<ReportQuery>();

  protected readonly presets = PERIOD_PRESETS;
  protected readonly bets = PRODUCTIVE_BETS;
  protected readonly modalities = TENDER_MODALITIES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    from: ['', [Validators.required, Validators.pattern(ISO_DAY)]],
    to: ['', [Validators.required, Validators.pattern(ISO_DAY), notBeforeFrom]],
    buyerOrganizationId: [''],
    department: [''],
    segment: [''],
    productiveBet: [''],
    modality: [''],
  });

  protected readonly activePreset = computed(() => {
    const { from, to } = this.query();
    return PERIOD_PRESETS.find((p) => {
      const period = presetPeriod(p, this.today());
      return period.from === from && period.to === to;
    });
  });

  /** The buyers known so far, by name; one chosen by a shared link shows by its id until its name is known. */
  protected readonly buyerOptions = computed(() => {
    const options = [...this.buyers()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    const chosen = this.query().buyerOrganizationId;
    return chosen && !this.buyers().has(chosen) ? [{ id: chosen, name: chosen }, ...options] : options;
  });

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => this.form.reset(this.formValue(query), { emitEvent: false }));
    });
    effect(() => {
      const problem = this.problem();
      if (problem) untracked(() => showProblem(this.form, problem));
    });
    this.form.controls.from.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.to.updateValueAndValidity({ emitEvent: false }));
    this.form.valueChanges
      .pipe(
        debounceTime(FILTER_DEBOUNCE_MS),
        filter(() => this.form.valid),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.changed.emit(this.value()));
  }

  protected choose(preset: PeriodPreset): void {
    this.form.patchValue(presetPeriod(preset, this.today()));
  }

  protected clear(): void {
    this.form.reset(this.formValue(presetPeriod('thisYear', this.today())));
  }

  protected fieldError(control: AbstractControl): string {
    const errors = control.errors ?? {};
    const code = errors['server'] ?? (errors['period_order'] ? 'period_order' : errors['pattern'] ? 'date' : 'required');
    return reportErrorMessage(this.i18n, code);
  }

  protected presetLabel(preset: PeriodPreset): string {
    return this.i18n.t(`reports.presets.${preset}`);
  }

  protected betLabel(bet: (typeof PRODUCTIVE_BETS)[number]): string {
    return this.i18n.t(`admin.buyerProfile.betNames.${bet}`);
  }

  protected modalityLabel(modality: (typeof TENDER_MODALITIES)[number]): string {
    return this.i18n.t(`tenders.modalities.${modality}`);
  }

  private formValue(query: Partial<ReportQuery>) {
    return {
      from: query.from ?? '',
      to: query.to ?? '',
      buyerOrganizationId: query.buyerOrganizationId ?? '',
      department: query.department ?? '',
      segment: query.segment ?? '',
      productiveBet: query.productiveBet ?? '',
      modality: query.modality ?? '',
    };
  }

  /** What is not chosen ('') is left out: it means "any". */
  private value(): ReportQuery {
    const v = this.form.getRawValue();
    const or = (text: string) => text || undefined;
    return {
      from: v.from,
      to: v.to,
      buyerOrganizationId: this.mayChooseBuyer() ? or(v.buyerOrganizationId) : undefined,
      department: or(v.department),
      segment: or(v.segment),
      productiveBet: or(v.productiveBet),
      modality: or(v.modality),
    };
  }
}
