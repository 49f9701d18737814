import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import type {
  AwardDecisionInput,
  AwardInput,
  AwardView,
  ContractState,
  ContractView,
  EvaluationReport,
  LotRanking,
  TenderView,
} from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { AmountPipe, DayPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { LongDayPipe } from '../tenders/tender-format';
import { TendersClient } from '../tenders/tenders.client';
import { ContractClose } from './contract-close';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, PointsPipe, evaluationErrorMessage, followOutcome, commentPeriodOpen, sendForm } from './evaluation-format';
import { TenderAwards } from './tender-awards';

type Outcome = AwardDecisionInput['outcome'];
const OUTCOMES: readonly Outcome[] = ['awarded', 'void'];

function decisionGroup(lot: LotRanking, destroyRef: DestroyRef) {
  const required = () => new FormControl('', { nonNullable: true, validators: Validators.required });
  const group = new FormGroup({
    lotId: new FormControl(lot.lotId, { nonNullable: true }),
    // A lot nobody qualified for can only be declared void.
    outcome: new FormControl<Outcome>(lot.lines.length ? 'awarded' : 'void', { nonNullable: true }),
    startDate: required(),
    endDate: required(),
    reason: required(),
  });
  const { outcome, startDate, endDate, reason } = group.controls;
  followOutcome(outcome, { awarded: [startDate, endDate], void: [reason] }, destroyRef);
  return group;
}
type DecisionGroup = ReturnType<typeof decisionGroup>;

/** What is sent for one lot: contract dates to award it, a reason to declare it void, never both. */
function decisionInput(group: DecisionGroup): AwardDecisionInput {
  const { lotId, outcome, startDate, endDate, reason } = group.getRawValue();
  return outcome === 'awarded'
    ? { lotId, outcome, reason: null, startDate, endDate }
    : { lotId, outcome, reason: reason.trim(), startDate: null, endDate: null };
}

/**
 * The buyer's award: per lot, to the first of the published report's ranking with the contract's dates,
 * or void with the reasons; once decided, the outcome and the contracts, each closed with a rating.
 */
@Component({
  selector: 'esl-award-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    AmountPipe,
    BogotaTimePipe,
    ContractClose,
    DayPipe,
    EvaluationErrorPipe,
    LongDayPipe,
    PointsPipe,
    TenderAwards,
  ],
  templateUrl: './award.page.html',
  styleUrl: './evaluation.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AwardPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  private readonly tenders = inject(TendersClient);
  private readonly destroyRef = inject(DestroyRef);
  readonly tenderId = input.required<string>();

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly report = signal<EvaluationReport | null>(null);
  protected readonly reportMissing = signal(false);
  protected readonly awards = signal<AwardView[] | null>(null);
  protected readonly loadFailure = signal('');
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  protected readonly outcomes = OUTCOMES;
  protected readonly decisions = new FormArray<DecisionGroup>([]);
  protected readonly form = new FormGroup({ decisions: this.decisions });

  protected readonly commentOpen = computed(() => commentPeriodOpen(this.report()));
  protected readonly unanswered = computed(() => this.report()?.observations.filter((o) => !o.answer).length ?? 0);
  protected readonly contracts = computed(() =>
    (this.awards() ?? []).flatMap((award) => (award.contract ? [{ award, contract: award.contract }] : [])),
  );

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => this.load(tenderId));
    });
  }

  protected load(tenderId: string): void {
    this.loadFailure.set('');
    this.tenders.get(tenderId).subscribe({
      next: (tender) => this.tender.set(tender),
      error: (error: unknown) => this.loadFailure.set(evaluationErrorMessage(this.i18n, problemOf(error).code)),
    });
    this.client.awards(tenderId).subscribe({ next: (awards) => this.awards.set(awards), error: () => this.awards.set([]) });
    this.client.report(tenderId).subscribe({
      next: (report) => {
        this.report.set(report);
        this.decisions.clear();
        for (const lot of report.rankings) this.decisions.push(decisionGroup(lot, this.destroyRef));
      },
      error: () => this.reportMissing.set(true),
    });
  }

  protected outcomeLabel(outcome: Outcome): string {
    return this.i18n.t(`evaluation.award.outcomes.${outcome}`);
  }

  protected statusLabel(status: ContractState): string {
    return this.i18n.t(`evaluation.contract.statuses.${status}`);
  }

  protected submit(): void {
    const input: AwardInput = { decisions: this.decisions.controls.map(decisionInput) };
    sendForm(
      this.i18n,
      this.form,
      { busy: this.busy, failure: this.failure },
      () => this.client.award(this.tenderId(), input),
      (awards) => {
        this.awards.set(awards);
        this.announcement.set(this.i18n.t('evaluation.award.done'));
      },
    );
  }

  protected contractClosed(lotId: string, contract: ContractView): void {
    this.awards.update((list) => list && list.map((award) => (award.lotId === lotId ? { ...award, contract } : award)));
  }
}
