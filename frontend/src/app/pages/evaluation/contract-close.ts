import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { ContractCloseInput, ContractRatingInput, ContractView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, followOutcome, sendForm } from './evaluation-format';

type Outcome = ContractCloseInput['outcome'];
const OUTCOMES: readonly Outcome[] = ['completed', 'terminated'];
const ASPECTS: readonly (keyof ContractRatingInput)[] = ['onTime', 'quality', 'documentation'];
const SCALE = [1, 2, 3, 4, 5] as const;

const ratingControl = () => new FormControl<number | null>(null, Validators.required);

/** Closes an active contract: fulfilled, with the buyer's 1–5 rating of the supplier, or terminated early with the reason. */
@Component({
  selector: 'esl-contract-close',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, EvaluationErrorPipe],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h4>{{ i18n.t('evaluation.contract.closeTitle') }}</h4>
      <mat-radio-group formControlName="outcome" [attr.aria-label]="i18n.t('evaluation.contract.outcome')">
        @for (outcome of outcomes; track outcome) {
          <mat-radio-button [value]="outcome">{{ outcomeLabel(outcome) }}</mat-radio-button>
        }
      </mat-radio-group>
      @if (form.controls.outcome.value === 'completed') {
        <fieldset formGroupName="rating">
          <legend>{{ i18n.t('evaluation.contract.ratingHint') }}</legend>
          @for (aspect of aspects; track aspect) {
            <div class="aspect">
              <span [id]="contractId() + '-' + aspect">{{ aspectLabel(aspect) }}</span>
              <mat-radio-group
                [formControlName]="aspect"
                [attr.aria-labelledby]="contractId() + '-' + aspect"
                [attr.data-testid]="'rating-' + aspect"
              >
                @for (n of scale; track n) {
                  <mat-radio-button [value]="n">{{ n }}</mat-radio-button>
                }
              </mat-radio-group>
              @if (form.controls.rating.controls[aspect].touched && form.controls.rating.controls[aspect].invalid) {
                <p class="form-error">{{ form.controls.rating.controls[aspect] | evaluationError }}</p>
              }
            </div>
          }
        </fieldset>
      } @else {
        <mat-form-field>
          <mat-label>{{ i18n.t('evaluation.contract.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" data-testid="termination-reason"></textarea>
          <mat-error>{{ form.controls.reason | evaluationError }}</mat-error>
        </mat-form-field>
      }
      @if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
      <div class="form-actions">
        <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="close-contract">
          {{ i18n.t('evaluation.contract.submit') }}
        </button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 8px 0;
      padding: 0;
    }
    legend {
      color: var(--mat-sys-on-surface-variant);
    }
    .aspect {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 12px;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractClose {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  readonly contractId = input.required<string>();
  readonly closed = output<ContractView>();

  protected readonly outcomes = OUTCOMES;
  protected readonly aspects = ASPECTS;
  protected readonly scale = SCALE;
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly form = new FormGroup({
    outcome: new FormControl<Outcome>('completed', { nonNullable: true }),
    rating: new FormGroup({ onTime: ratingControl(), quality: ratingControl(), documentation: ratingControl() }),
    reason: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  constructor() {
    const { outcome, rating, reason } = this.form.controls;
    followOutcome(outcome, { completed: [rating], terminated: [reason] }, inject(DestroyRef));
  }

  protected outcomeLabel(outcome: Outcome): string {
    return this.i18n.t(`evaluation.contract.outcomes.${outcome}`);
  }

  protected aspectLabel(aspect: keyof ContractRatingInput): string {
    return this.i18n.t(`evaluation.contract.ratings.${aspect}`);
  }

  protected submit(): void {
    const { outcome, rating, reason } = this.form.getRawValue();
    const input: ContractCloseInput =
      outcome === 'completed'
        ? { outcome, rating: rating as ContractRatingInput, reason: null }
        : { outcome, rating: null, reason: reason.trim() };
    sendForm(
      this.i18n,
      this.form,
      { busy: this.busy, failure: this.failure },
      () => this.client.closeContract(this.contractId(), input),
      (contract) => this.closed.emit(contract),
    );
  }
}
