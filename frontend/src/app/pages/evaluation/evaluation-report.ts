import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { EvaluationReport, ObservationView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { LongDayPipe } from '../tenders/tender-format';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, evaluationErrorMessage, factorLabel } from './evaluation-format';
import { LotRankings } from './lot-rankings';

/**
 * A published evaluation report: the rankings, the draw's seed with how to repeat it, and the
 * observations with their answers. With `answerable`, the committee answers each open one in place.
 */
@Component({
  selector: 'esl-evaluation-report',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    BogotaTimePipe,
    LongDayPipe,
    EvaluationErrorPipe,
    LotRankings,
  ],
  template: `
    @let r = report();
    @let locale = i18n.locale();
    <p data-testid="report-meta">
      {{ i18n.t('evaluation.report.meta', { version: r.version, time: (r.publishedAt | bogotaTime: locale) }) }}
      {{ i18n.t('evaluation.report.commentsUntil', { date: (r.commentUntil | longDay: locale) }) }}
    </p>
    <esl-lot-rankings [rankings]="r.rankings" />

    <h3>{{ i18n.t('evaluation.report.seedTitle') }}</h3>
    <p>
      {{ i18n.t('evaluation.report.seed') }}: <code data-testid="seed">{{ r.seed }}</code>
    </p>
    <p>{{ i18n.t('evaluation.report.seedHelp') }}</p>
    <pre><code>{{ i18n.t('evaluation.report.seedCommand', { seed: r.seed }) }}</code></pre>
    <details>
      <summary>{{ i18n.t('evaluation.report.orderTitle') }}</summary>
      <ol>
        @for (factor of r.tieBreakRule.order; track factor) {
          <li>{{ factorName(factor) }}</li>
        }
        <li>{{ factorName('random_draw') }}</li>
      </ol>
    </details>

    <h3>{{ i18n.t('evaluation.report.observationsTitle') }}</h3>
    <ul class="plain-list" data-testid="observations">
      @for (o of r.observations; track o.id) {
        <li>
          <p class="meta">{{ o.supplierName }} · {{ o.createdAt | bogotaTime: locale }}</p>
          <p class="text">{{ o.text }}</p>
          @if (o.answer) {
            <p class="answer">{{ o.answer }}</p>
          } @else if (answerable()) {
            <mat-form-field>
              <mat-label>{{ i18n.t('evaluation.report.answerLabel') }}</mat-label>
              <textarea matInput rows="3" [formControl]="draft(o.id)" [attr.data-testid]="'answer-' + o.id"></textarea>
              <mat-error>{{ draft(o.id) | evaluationError }}</mat-error>
            </mat-form-field>
            @if (failures()[o.id]; as failure) {
              <p class="form-error" role="alert">{{ failure }}</p>
            }
            <button mat-flat-button type="button" [disabled]="busy()" (click)="answer(o)">
              {{ i18n.t('evaluation.report.submitAnswer') }}
            </button>
          } @else {
            <p class="meta">{{ i18n.t('evaluation.report.pendingAnswer') }}</p>
          }
        </li>
      } @empty {
        <li>{{ i18n.t('evaluation.report.observationsNone') }}</li>
      }
    </ul>
  `,
  styles: `
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .text {
      font-weight: 600;
    }
    .answer {
      border-left: 3px solid var(--mat-sys-primary);
      padding-left: 8px;
    }
    pre {
      overflow-x: auto;
      padding: 8px;
      background: var(--mat-sys-surface-container);
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationReportView {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  readonly tenderId = input.required<string>();
  readonly report = input.required<EvaluationReport>();
  readonly answerable = input(false);
  readonly answered = output<ObservationView>();
  protected readonly busy = signal(false);
  protected readonly failures = signal<Readonly<Record<string, string>>>({});
  private readonly drafts = new Map<string, FormControl<string>>();

  protected factorName(factor: string): string {
    return factorLabel(this.i18n, factor);
  }

  protected draft(observationId: string): FormControl<string> {
    let control = this.drafts.get(observationId);
    if (!control) {
      control = new FormControl('', { nonNullable: true, validators: Validators.required });
      this.drafts.set(observationId, control);
    }
    return control;
  }

  protected answer(observation: ObservationView): void {
    const control = this.draft(observation.id);
    control.markAsTouched();
    if (control.invalid) return;
    this.busy.set(true);
    this.client.answer(this.tenderId(), observation.id, control.value.trim()).subscribe({
      next: (answered) => {
        this.busy.set(false);
        this.answered.emit(answered);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failures.update((f) => ({ ...f, [observation.id]: evaluationErrorMessage(this.i18n, problemOf(error).code) }));
      },
    });
  }
}
