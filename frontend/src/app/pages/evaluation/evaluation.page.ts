import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type {
  ClosingRecord,
  CommitteeMember,
  EvaluationWorkspace,
  ObservationView,
  OpenedBid,
  TenderStatus,
  TenderView,
} from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { TendersClient } from '../tenders/tenders.client';
import { BidReview } from './bid-review';
import { ClosingRecordTable } from './closing-record';
import { CommitteePanel } from './committee-panel';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, committeeParts, evaluationErrorMessage, sendForm } from './evaluation-format';
import { EvaluationReportView } from './evaluation-report';
import { LotRankings } from './lot-rankings';

/** Before closing the bids are sealed: the buyer sees how many there are and nothing else. */
const SEALED: readonly TenderStatus[] = ['draft', 'published_draft', 'open'];

/**
 * The committee's page for one tender: the acta de cierre, who is on the committee, each opened bid
 * under review, the rankings the reviews give, and the evaluation report once published.
 */
@Component({
  selector: 'esl-evaluation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    BidReview,
    ClosingRecordTable,
    CommitteePanel,
    EvaluationErrorPipe,
    EvaluationReportView,
    LotRankings,
  ],
  templateUrl: './evaluation.page.html',
  styleUrl: './evaluation.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  private readonly tenders = inject(TendersClient);
  readonly tenderId = input.required<string>();

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly loadFailure = signal('');
  protected readonly bidCount = signal<number | null>(null);
  protected readonly record = signal<ClosingRecord | null>(null);
  protected readonly committee = signal<CommitteeMember[]>([]);
  protected readonly workspace = signal<EvaluationWorkspace | null>(null);
  /** Why the workspace is not shown, e.g. the reader is not on the committee. */
  protected readonly workspaceFailure = signal('');
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  protected readonly transitionFailure = signal('');
  protected readonly publishForm = new FormGroup({
    commentUntil: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected readonly parts = computed(() => {
    const tender = this.tender();
    return tender ? committeeParts(tender.criteria) : [];
  });
  protected readonly sealed = computed(() => SEALED.includes(this.tender()?.status ?? 'draft'));
  /** Reviews and the report change only while the tender is under evaluation. */
  protected readonly evaluating = computed(() => this.tender()?.status === 'under_evaluation');

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => this.load(tenderId));
    });
  }

  protected load(tenderId: string): void {
    this.loadFailure.set('');
    this.tenders.get(tenderId).subscribe({
      next: (tender) => {
        this.tender.set(tender);
        this.publishForm.reset({ commentUntil: tender.schedule.commentPeriodEnd ?? '' });
        this.client.committee(tenderId).subscribe({ next: (members) => this.committee.set(members), error: () => undefined });
        if (this.sealed()) {
          this.client.bidCount(tenderId).subscribe({ next: (count) => this.bidCount.set(count.bids), error: () => undefined });
          return;
        }
        this.client.closingRecord(tenderId).subscribe({ next: (record) => this.record.set(record), error: () => undefined });
        this.loadWorkspace(tenderId);
      },
      error: (error: unknown) => this.loadFailure.set(evaluationErrorMessage(this.i18n, problemOf(error).code)),
    });
  }

  /** A saved review changes the rankings: fetch them again, keeping the bids as the page has them so edits in progress stay. */
  protected reviewSaved(bid: OpenedBid): void {
    this.workspace.update((w) => w && { ...w, bids: w.bids.map((b) => (b.bidId === bid.bidId ? bid : b)) });
    this.client.workspace(this.tenderId()).subscribe({
      next: (fresh) => this.workspace.update((w) => ({ ...fresh, bids: w?.bids ?? fresh.bids })),
      error: (error: unknown) => this.workspaceFailure.set(evaluationErrorMessage(this.i18n, problemOf(error).code)),
    });
  }

  /** A new committee may let the reader in, or out. */
  protected committeeChanged(members: CommitteeMember[]): void {
    this.committee.set(members);
    if (!this.sealed()) this.loadWorkspace(this.tenderId());
  }

  protected startEvaluation(): void {
    this.busy.set(true);
    this.transitionFailure.set('');
    this.tenders.transition(this.tenderId(), { transition: 'start_evaluation' }).subscribe({
      next: () => {
        this.busy.set(false);
        this.load(this.tenderId());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.transitionFailure.set(evaluationErrorMessage(this.i18n, problemOf(error).code));
      },
    });
  }

  protected publish(): void {
    const input = this.publishForm.getRawValue();
    sendForm(
      this.i18n,
      this.publishForm,
      { busy: this.busy, failure: this.failure },
      () => this.client.publishReport(this.tenderId(), input),
      (report) => {
        this.workspace.update((w) => w && { ...w, report });
        this.announcement.set(this.i18n.t('evaluation.report.published'));
      },
    );
  }

  protected answered(observation: ObservationView): void {
    this.workspace.update((w) => {
      const report = w?.report;
      if (!w || !report) return w;
      return { ...w, report: { ...report, observations: report.observations.map((o) => (o.id === observation.id ? observation : o)) } };
    });
  }

  private loadWorkspace(tenderId: string): void {
    this.workspaceFailure.set('');
    this.client.workspace(tenderId).subscribe({
      next: (workspace) => this.workspace.set(workspace),
      error: (error: unknown) => {
        this.workspace.set(null);
        this.workspaceFailure.set(evaluationErrorMessage(this.i18n, problemOf(error).code));
      },
    });
  }
}
