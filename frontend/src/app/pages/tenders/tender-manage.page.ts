import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { MipymeRequestView, QuestionView, TenderTransition, TenderVersionView, TenderView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { MipymeRequests } from './mipyme-requests';
import { TenderCriteria } from './tender-criteria';
import { TenderDocuments } from './tender-documents';
import { TenderFacts } from './tender-facts';
import { TenderErrorPipe, tenderErrorMessage } from './tender-format';
import { TenderLots } from './tender-lots';
import { TenderQuestions } from './tender-questions';
import { TenderTimeline } from './tender-timeline';
import { TenderVersions } from './tender-versions';
import { TendersClient } from './tenders.client';

/** Transitions that must say why: the reason is published with the new status. */
const NEEDS_REASON: readonly TenderTransition[] = ['cancel', 'declare_void'];

/** The buyer's page for one of its tenders: what it says, what suppliers asked and requested, and what may be done next. */
@Component({
  selector: 'esl-tender-manage-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTabsModule,
    MipymeRequests,
    TenderCriteria,
    TenderDocuments,
    TenderErrorPipe,
    TenderFacts,
    TenderLots,
    TenderQuestions,
    TenderTimeline,
    TenderVersions,
  ],
  templateUrl: './tender-manage.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderManagePage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  readonly tenderId = input.required<string>();

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly questions = signal<QuestionView[]>([]);
  protected readonly versions = signal<TenderVersionView[]>([]);
  protected readonly requests = signal<MipymeRequestView[]>([]);
  protected readonly loadFailed = signal(false);
  /** A transition that waits for its reason before it is sent. */
  protected readonly pending = signal<TenderTransition | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: Validators.required });
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => this.load(tenderId));
    });
  }

  protected transitionLabel(transition: TenderTransition): string {
    return this.i18n.t(`tenders.transitions.${transition}`);
  }

  protected choose(transition: TenderTransition): void {
    if (NEEDS_REASON.includes(transition)) {
      this.pending.set(transition);
      this.reason.reset();
      return;
    }
    this.act(transition);
  }

  protected confirm(): void {
    const transition = this.pending();
    this.reason.markAsTouched();
    if (transition && this.reason.valid) this.act(transition, this.reason.value.trim());
  }

  protected answered(question: QuestionView): void {
    this.questions.update((list) => list.map((q) => (q.id === question.id ? question : q)));
  }

  protected load(tenderId: string): void {
    this.loadFailed.set(false);
    this.client.get(tenderId).subscribe({
      next: (view) => {
        this.tender.set(view);
        // Questions, versions and requests exist only once the terms are public.
        if (view.status === 'draft') return;
        this.client.questions(tenderId).subscribe((list) => this.questions.set(list));
        this.client.versions(tenderId).subscribe((list) => this.versions.set(list));
        this.client.mipymeRequests(tenderId).subscribe((list) => this.requests.set(list));
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private act(transition: TenderTransition, reason?: string): void {
    const tender = this.tender();
    if (!tender) return;
    this.busy.set(true);
    this.failure.set('');
    this.client.transition(tender.id, reason ? { transition, reason } : { transition }).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.pending.set(null);
        this.announcement.set(this.i18n.t('tenders.manage.done', { action: this.transitionLabel(transition) }));
        this.load(view.id);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code));
      },
    });
  }
}
