import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { LotView, QuestionView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { TenderErrorPipe, tenderErrorMessage } from './tender-format';
import { TendersClient } from './tenders.client';

/**
 * Questions with their answers, never with who asked ("Su pregunta" marks the reader's own). With
 * `answerable`, the buyer answers each open one in place.
 */
@Component({
  selector: 'esl-tender-questions',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, BogotaTimePipe, TenderErrorPipe],
  template: `
    <ul class="plain-list" data-testid="questions">
      @for (q of questions(); track q.id) {
        <li>
          <p class="meta">
            {{ lotLabel(q.lotId) }} · {{ q.askedAt | bogotaTime: i18n.locale() }}
            @if (q.mine) {
              <strong class="mine">{{ i18n.t('tenders.public.yours') }}</strong>
            }
          </p>
          <p class="question">{{ q.text }}</p>
          @if (q.answer) {
            <p class="answer">{{ q.answer }}</p>
          } @else if (answerable()) {
            <mat-form-field>
              <mat-label>{{ i18n.t('tenders.manage.answerLabel') }}</mat-label>
              <textarea matInput rows="3" [formControl]="draft(q.id)" [attr.data-testid]="'answer-' + q.id"></textarea>
              <mat-error>{{ draft(q.id) | tenderError }}</mat-error>
            </mat-form-field>
            @if (failures()[q.id]; as failure) {
              <p class="form-error" role="alert">{{ failure }}</p>
            }
            <button mat-flat-button type="button" [disabled]="busy()" (click)="answer(q)">
              {{ i18n.t('tenders.manage.submitAnswer') }}
            </button>
          } @else {
            <p class="muted">{{ i18n.t('tenders.public.pendingAnswer') }}</p>
          }
        </li>
      } @empty {
        <li>{{ i18n.t('tenders.public.questionsNone') }}</li>
      }
    </ul>
  `,
  styles: `
    .meta,
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .question {
      font-weight: 600;
    }
    .answer {
      border-left: 3px solid var(--mat-sys-primary);
      padding-left: 8px;
    }
    .mine {
      color: var(--mat-sys-primary);
      margin-left: 8px;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderQuestions {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  readonly tenderId = input.required<string>();
  readonly questions = input.required<readonly QuestionView[]>();
  readonly lots = input.required<readonly LotView[]>();
  readonly answerable = input(false);
  readonly answered = output<QuestionView>();
  protected readonly busy = signal(false);
  protected readonly failures = signal<Readonly<Record<string, string>>>({});
  private readonly drafts = new Map<string, FormControl<string>>();

  protected lotLabel(lotId: string | null): string {
    const lot = this.lots().find((l) => l.id === lotId);
    return lot ? `${this.i18n.t('tenders.common.lot', { n: lot.position + 1 })} · ${lot.title}` : this.i18n.t('tenders.common.wholeTender');
  }

  protected draft(questionId: string): FormControl<string> {
    let control = this.drafts.get(questionId);
    if (!control) {
      control = new FormControl('', { nonNullable: true, validators: Validators.required });
      this.drafts.set(questionId, control);
    }
    return control;
  }

  protected answer(question: QuestionView): void {
    const control = this.draft(question.id);
    control.markAsTouched();
    if (control.invalid) return;
    this.busy.set(true);
    this.client.answer(this.tenderId(), question.id, control.value.trim()).subscribe({
      next: (answered) => {
        this.busy.set(false);
        this.answered.emit(answered);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failures.update((f) => ({ ...f, [question.id]: tenderErrorMessage(this.i18n, problemOf(error).code) }));
      },
    });
  }
}
