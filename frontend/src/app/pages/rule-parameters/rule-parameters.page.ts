import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RULE_PARAMETERS, type RuleParameter, type RuleParameterVersionView } from '@eslabon/contracts';
import { ruleParameterProblems } from '@eslabon/domain';
import { tap } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { DayPipe } from '../../core/i18n/format';
import { Session } from '../../core/session/session.service';
import { RuleParametersClient } from './rule-parameters.client';
import { RuleValue } from './rule-value';
import { UnspscSynonyms } from './unspsc-synonyms';

const PERIOD_KINDS: Record<RuleParameter, 'year' | 'biennium' | 'all'> = {
  uvt: 'year',
  smmlv: 'year',
  size_thresholds: 'all',
  mipyme_call_threshold: 'biennium',
  menor_cuantia_bands: 'all',
  schedule_defaults: 'all',
  tie_break: 'all',
};

/** UVT and SMMLV are one amount of pesos; the other parameters are structured and edited as JSON. */
const isAmount = (parameter: RuleParameter) => parameter === 'uvt' || parameter === 'smmlv';

/** Newest period first; within a period, the latest version first. */
const newestFirst = (a: RuleParameterVersionView, b: RuleParameterVersionView) =>
  b.period.localeCompare(a.period) || b.validFrom.localeCompare(a.validFrom) || b.createdAt.localeCompare(a.createdAt);

const UNPARSABLE = Symbol('unparsable');

/** Everyone can read the figures the rules use; platform admins add versions and search synonyms. */
@Component({
  selector: 'esl-rule-parameters-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    DayPipe,
    RuleValue,
    UnspscSynonyms,
  ],
  templateUrl: './rule-parameters.page.html',
  styleUrl: './rule-parameters.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleParametersPage extends FormPage {
  private readonly client = inject(RuleParametersClient);
  private readonly session = inject(Session);
  protected readonly parameters = RULE_PARAMETERS;
  protected readonly isAdmin = computed(() => this.session.roles().includes('admin'));
  protected readonly versions = signal<RuleParameterVersionView[]>([]);
  protected readonly loadFailure = signal('');
  protected readonly saved = signal('');
  /** Parts of a structured value that were refused (`servicios.micro`), named under the value field. */
  protected readonly valueParts = signal<string[]>([]);
  protected readonly groups = computed(() =>
    RULE_PARAMETERS.map((parameter) => ({
      parameter,
      versions: this.versions()
        .filter((v) => v.parameter === parameter)
        .sort(newestFirst),
    })),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    parameter: ['uvt' as RuleParameter, Validators.required],
    period: ['', Validators.required],
    value: ['', Validators.required],
    validFrom: ['', Validators.required],
    source: ['', Validators.required],
    note: [''],
  });
  protected readonly parameter = toSignal(this.form.controls.parameter.valueChanges, { initialValue: this.form.controls.parameter.value });
  protected readonly amountField = computed(() => isAmount(this.parameter()));
  protected readonly periodKind = computed(() => PERIOD_KINDS[this.parameter()]);

  constructor() {
    super();
    this.load();
    this.form.controls.parameter.valueChanges.pipe(takeUntilDestroyed()).subscribe((parameter) => this.prefill(parameter));
  }

  protected parameterName(parameter: RuleParameter): string {
    return this.i18n.t(`admin.ruleParameters.names.${parameter}`);
  }

  protected periodLabel(period: string): string {
    return period === 'all' ? this.i18n.t('admin.ruleParameters.allPeriods') : period;
  }

  protected periodHint(): string {
    return this.i18n.t(`admin.ruleParameters.periodHints.${this.periodKind()}`);
  }

  protected submit(): void {
    const { parameter, period, value: text, validFrom, source, note } = this.form.getRawValue();
    const value = this.parse(parameter, text);
    // The same checks as the server, so a refusal shows before anything is sent.
    const problems = value === UNPARSABLE ? [{ field: 'value', code: 'format' }] : ruleParameterProblems(parameter, period.trim(), value);
    for (const problem of this.onValueField(problems)) {
      // Keyed `server` so the field shows the shared catalog's words for the code: it is the server's own verdict.
      this.form.get(problem.field)?.setErrors({ server: problem.code });
    }
    this.saved.set('');
    this.send(
      this.form,
      () =>
        this.client
          .create({
            parameter,
            period: period.trim(),
            value,
            validFrom,
            source: source.trim(),
            ...(note.trim() ? { note: note.trim() } : {}),
          })
          .pipe(
            // FormPage places the same problem body next; fold its value parts onto the value field first.
            tap({
              error: (error: unknown) => {
                const problem = problemOf(error);
                if (problem.errors) problem.errors = this.onValueField(problem.errors);
              },
            }),
          ),
      (created) => {
        this.saved.set(
          this.i18n.t('admin.ruleParameters.saved', {
            name: this.parameterName(created.parameter),
            period: this.periodLabel(created.period),
          }),
        );
        this.form.patchValue({ validFrom: '', source: '', note: '' });
        this.form.markAsUntouched();
        this.load();
      },
    );
  }

  private load(): void {
    this.client.versions().subscribe({
      next: (versions) => {
        this.versions.set(versions);
        this.prefill(this.form.controls.parameter.value);
      },
      error: (error: unknown) => this.loadFailure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  /** Starts a new version from the one in force, so a yearly update is a small edit. */
  private prefill(parameter: RuleParameter): void {
    const base = this.groups()
      .find((g) => g.parameter === parameter)
      ?.versions.find((v) => v.current);
    this.valueParts.set([]);
    this.form.patchValue({
      period: base?.period ?? '',
      value: base === undefined ? '' : isAmount(parameter) ? String(base.value) : JSON.stringify(base.value, null, 2),
    });
  }

  private parse(parameter: RuleParameter, text: string): unknown {
    if (isAmount(parameter)) return Number(text.trim());
    try {
      return JSON.parse(text);
    } catch {
      return UNPARSABLE;
    }
  }

  /**
   * The value is edited as one field while refusals may name a part of it (`value.servicios.micro`):
   * those go on the value field, and the parts are listed beside it.
   */
  private onValueField<T extends { field: string }>(errors: readonly T[]): T[] {
    const parts = errors.filter((e) => e.field.startsWith('value.')).map((e) => e.field.slice('value.'.length));
    this.valueParts.set([...new Set(parts)]);
    return errors.map((e) => (e.field.startsWith('value.') ? { ...e, field: 'value' } : e));
  }
}
