import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { QuestionView, TenderVersionView, TenderView } from '@eslabon/contracts';
import { problemOf, showProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { TenderAwards } from '../evaluation/tender-awards';
import { LimitationRequest } from './limitation-request';
import { TenderCriteria } from './tender-criteria';
import { TenderDocuments } from './tender-documents';
import { TenderFacts } from './tender-facts';
import { TenderErrorPipe, bogotaToday, tenderErrorMessage } from './tender-format';
import { TenderLots } from './tender-lots';
import { TenderQuestions } from './tender-questions';
import { TenderTimeline } from './tender-timeline';
import { TenderVersions } from './tender-versions';
import { TendersClient } from './tenders.client';

/**
 * A published tender as anyone reads it, on a phone first. A signed-in supplier may also ask, follow
 * it, and request that the call be limited to mipymes while that is still possible.
 */
@Component({
  selector: 'esl-public-tender-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    LimitationRequest,
    TenderAwards,
    TenderCriteria,
    TenderDocuments,
    TenderErrorPipe,
    TenderFacts,
    TenderLots,
    TenderQuestions,
    TenderTimeline,
    TenderVersions,
  ],
  templateUrl: './public-tender.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicTenderPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  protected readonly session = inject(Session);
  readonly tenderId = input.required<string>();

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly questions = signal<QuestionView[]>([]);
  protected readonly versions = signal<TenderVersionView[]>([]);
  protected readonly failure = signal('');
  protected readonly busy = signal(false);
  protected readonly asked = signal(false);
  protected readonly requesting = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', Validators.required],
    lotId: [null as string | null],
  });

  /** The active organization when it is a supplier: only suppliers ask, follow and request. */
  protected readonly supplierId = computed(() => {
    const active = this.session.activeMembership();
    return active?.kind === 'supplier' && this.session.roles().length ? active.organizationId : null;
  });
  protected readonly questionsOpen = computed(() => {
    const t = this.tender();
    if (!t || (t.status !== 'open' && t.status !== 'published_draft')) return false;
    const deadline = t.schedule.questionsDeadline;
    return !deadline || bogotaToday() <= deadline;
  });
  protected readonly canRequest = computed(() => {
    const t = this.tender();
    return !!t && t.mipymeLimitation.susceptible && t.mipymeLimitation.requestsOpen && !t.viewer?.requestedLimitation;
  });
  protected readonly signInLink = computed(() => ({ volver: `/procesos/${this.tenderId()}` }));

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => this.load(tenderId));
    });
  }

  protected load(tenderId: string): void {
    this.failure.set('');
    this.client.publicView(tenderId).subscribe({
      next: (view) => this.tender.set(view),
      error: (error: unknown) => this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code)),
    });
    this.client.questions(tenderId).subscribe({ next: (list) => this.questions.set(list), error: () => undefined });
    this.client.versions(tenderId).subscribe({ next: (list) => this.versions.set(list), error: () => undefined });
  }

  protected ask(askForm: FormGroupDirective): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { text, lotId } = this.form.getRawValue();
    this.busy.set(true);
    this.asked.set(false);
    this.client.ask(this.tenderId(), { text: text.trim(), lotId }).subscribe({
      next: (question) => {
        this.busy.set(false);
        this.questions.update((list) => [...list, question]);
        // Resetting the directive too clears "submitted", so the emptied field is not shown as an error.
        askForm.resetForm({ text: '', lotId: null });
        this.asked.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const rest = showProblem(this.form, problemOf(error));
        this.failure.set(rest ? tenderErrorMessage(this.i18n, rest.code) : '');
      },
    });
  }

  protected toggleFollow(tender: TenderView): void {
    const following = !tender.viewer?.following;
    this.client.follow(tender.id, following).subscribe({
      next: () => this.tender.set({ ...tender, viewer: { requestedLimitation: false, ...tender.viewer, following } }),
      error: (error: unknown) => this.failure.set(tenderErrorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected requested(tender: TenderView): void {
    this.requesting.set(false);
    this.tender.set({ ...tender, viewer: { following: false, ...tender.viewer, requestedLimitation: true } });
  }
}
