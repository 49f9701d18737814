import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  PRODUCTIVE_BETS,
  TENDER_MODALITIES,
  type PlanLineInput,
  type PlanLineView,
  type ProductiveBet,
  type TenderModality,
  type UnspscClassView,
} from '@eslabon/contracts';
import type { Observable } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { formatAmount } from '../../core/i18n/format';
import { UnspscPicker } from '../../core/reference/unspsc-picker';
import { Session } from '../../core/session/session.service';
import { PlanLineFacts } from './plan-line-facts';
import { MONTHS, bogotaYear, monthName, planYears } from './plan-text';
import type { MessageKey } from '../../core/i18n/i18n.service';
import { PlansClient } from './plans.client';

/** Pesos as typed ("230.000.000", "$ 150000") to the API's decimal string of whole pesos. */
export const normalizePesos = (text: string) => text.replace(/[\s.$]/g, '');

/** Whole pesos, keyed `server` so the field shows the shared catalog's words for `money`. */
function wholePesos(control: AbstractControl<string>): ValidationErrors | null {
  return /^\d*$/.test(normalizePesos(control.value)) ? null : { server: 'money' };
}

function someClass(control: AbstractControl<string[]>): ValidationErrors | null {
  return control.value.length ? null : { required: true };
}

/** The buyer's Plan Anual de Adquisiciones: its lines of a year, a form to add or edit one, publish and delete. */
@Component({
  selector: 'esl-plan-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    PlanLineFacts,
    UnspscPicker,
  ],
  templateUrl: './plan.page.html',
  styleUrl: './plan.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanPage extends FormPage {
  private readonly client = inject(PlansClient);
  protected readonly session = inject(Session);
  protected readonly years = planYears();
  protected readonly months = MONTHS;
  protected readonly modalities = TENDER_MODALITIES;
  protected readonly bets = PRODUCTIVE_BETS;
  protected readonly organizationId = computed(() => this.session.activeMembership()?.organizationId ?? null);

  protected readonly year = signal(bogotaYear());
  protected readonly lines = signal<PlanLineView[] | null>(null);
  protected readonly total = computed(() => (this.lines() ?? []).reduce((sum, l) => sum + BigInt(l.estimatedValueCop), 0n));
  /** The line being edited; null while the form adds a new one. */
  protected readonly editing = signal<PlanLineView | null>(null);
  /** Class names the picker starts with: those of the line being edited. */
  protected readonly known = computed<UnspscClassView[]>(() => this.editing()?.classes ?? []);
  /** The draft waiting for the second click that deletes it. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly notice = signal<MessageKey | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    year: [this.year(), Validators.required],
    description: ['', Validators.required],
    unspscClasses: this.fb.control<string[]>([], someClass),
    estimatedValueCop: ['', [Validators.required, wholePesos]],
    expectedMonth: this.fb.control<number | null>(null, Validators.required),
    modality: ['' as TenderModality | '', Validators.required],
    productiveBet: this.fb.control<ProductiveBet | null>(null),
  });

  constructor() {
    super();
    // Reload when the user switches organization or year.
    effect(() => {
      const organizationId = this.organizationId();
      const year = this.year();
      if (organizationId) untracked(() => this.load(organizationId, year));
    });
  }

  protected modalityLabel(modality: TenderModality): string {
    return this.i18n.t(`tenders.modalities.${modality}`);
  }

  protected betLabel(bet: ProductiveBet): string {
    return this.i18n.t(`admin.buyerProfile.betNames.${bet}`);
  }

  protected monthLabel(month: number): string {
    return monthName(month, this.i18n.locale());
  }

  protected pesos(value: bigint): string {
    return formatAmount(value.toString(), this.i18n.locale(), 'COP');
  }

  protected chooseYear(year: number): void {
    this.year.set(year);
    if (!this.editing()) this.form.controls.year.setValue(year);
  }

  protected edit(line: PlanLineView): void {
    this.notice.set(null);
    this.editing.set(line);
    this.form.reset({
      year: line.year,
      description: line.description,
      unspscClasses: line.unspscClasses,
      estimatedValueCop: line.estimatedValueCop,
      expectedMonth: line.expectedMonth,
      modality: line.modality,
      productiveBet: line.productiveBet,
    });
  }

  protected cancel(): void {
    this.editing.set(null);
    this.failure.set('');
    this.resetForm();
  }

  protected submit(): void {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    const editing = this.editing();
    const value = this.form.getRawValue();
    const input: PlanLineInput = {
      year: value.year,
      description: value.description.trim(),
      unspscClasses: value.unspscClasses,
      estimatedValueCop: normalizePesos(value.estimatedValueCop),
      expectedMonth: value.expectedMonth ?? 0,
      modality: value.modality as TenderModality,
      productiveBet: value.productiveBet,
    };
    this.notice.set(null);
    this.send(
      this.form,
      () => (editing ? this.client.update(editing.id, input) : this.client.create(organizationId, input)),
      (saved) => {
        this.editing.set(null);
        this.resetForm();
        this.notice.set(editing ? 'plans.buyer.saved' : 'plans.buyer.added');
        // The list shows the year of the line just saved.
        if (saved.year !== this.year()) this.year.set(saved.year);
        else this.load(organizationId, saved.year);
      },
    );
  }

  protected publish(line: PlanLineView): void {
    this.act(this.client.publish(line.id), 'plans.buyer.publishedNotice');
  }

  protected remove(line: PlanLineView): void {
    if (this.confirming() !== line.id) {
      this.confirming.set(line.id);
      return;
    }
    this.confirming.set(null);
    if (this.editing()?.id === line.id) this.cancel();
    this.act(this.client.remove(line.id), 'plans.buyer.deleted');
  }

  /** Publish or delete, then show the list as it now is. */
  private act(call: Observable<unknown>, notice: MessageKey): void {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    this.notice.set(null);
    this.failure.set('');
    this.busy.set(true);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.notice.set(notice);
        this.load(organizationId, this.year());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(errorMessage(this.i18n, problemOf(error).code));
      },
    });
  }

  private resetForm(): void {
    this.form.reset({
      year: this.year(),
      description: '',
      unspscClasses: [],
      estimatedValueCop: '',
      expectedMonth: null,
      modality: '',
      productiveBet: null,
    });
  }

  private load(organizationId: string, year: number): void {
    this.client.lines(organizationId, year).subscribe({
      next: (lines) => this.lines.set(lines),
      error: (error: unknown) => {
        this.lines.set([]);
        this.failure.set(errorMessage(this.i18n, problemOf(error).code));
      },
    });
  }
}
