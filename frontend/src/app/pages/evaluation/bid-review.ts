import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  BID_ENVELOPES,
  HABILITANTE_STATES,
  type BidClaims,
  type BidDocumentRef,
  type BidEnvelope,
  type BidReviewInput,
  type CriteriaPartInput,
  type HabilitanteState,
  type LotView,
  type OpenedBid,
  type PluralBidderInput,
  type VerifiedClaims,
} from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, nationalIndustryLabel, pointsWithin, sendForm, sizeLabel } from './evaluation-format';

type ScoreControls = FormGroup<Record<string, FormGroup<Record<string, FormControl<number | null>>>>>;

/** The controls mirror BidReviewInput, so a server error at `scores.<lotId>.<partKey>` lands on its input. */
interface ReviewControls {
  habilitante: FormControl<HabilitanteState | null>;
  note: FormControl<string>;
  scores: ScoreControls;
  verified: FormGroup<Record<keyof VerifiedClaims, FormControl<boolean>>>;
}

/** The committee chooses a verdict; `pending` is only where every review starts. */
const VERDICTS = HABILITANTE_STATES.filter((state) => state !== 'pending');

/** Why a bid fails or what it must correct is written down whenever it does not simply pass. */
function noteUnlessPass(control: AbstractControl<string>): ValidationErrors | null {
  const passes = control.parent?.get('habilitante')?.value === 'pass';
  return passes || control.value.trim() ? null : { required: true };
}

function reviewForm(bid: OpenedBid, parts: readonly CriteriaPartInput[]): FormGroup<ReviewControls> {
  const { review } = bid;
  const lotScores = (lotId: string) =>
    new FormGroup(
      Object.fromEntries(
        parts.map((part) => [
          part.key,
          new FormControl<number | null>(review.scores[lotId]?.[part.key] ?? null, pointsWithin(part.points)),
        ]),
      ),
    );
  const claimKeys = [...(Object.keys(bid.claims) as (keyof BidClaims)[]), 'nationalStatusVerified'] as const;
  return new FormGroup<ReviewControls>({
    habilitante: new FormControl(review.habilitante === 'pending' ? null : review.habilitante, Validators.required),
    note: new FormControl(review.note ?? '', { nonNullable: true, validators: noteUnlessPass }),
    scores: new FormGroup(Object.fromEntries(bid.lots.map((lot) => [lot.lotId, lotScores(lot.lotId)]))),
    verified: new FormGroup(
      Object.fromEntries(claimKeys.map((key) => [key, new FormControl(Boolean(review.verified[key]), { nonNullable: true })])) as Record<
        keyof VerifiedClaims,
        FormControl<boolean>
      >,
    ),
  });
}

/** The PUT body: scores left empty are not sent, and a claim whose evidence does not hold is false or 0. */
export function reviewInput(bid: OpenedBid, form: FormGroup<ReviewControls>): BidReviewInput {
  const value = form.getRawValue();
  const scores = Object.fromEntries(
    Object.entries(value.scores).map(([lotId, points]) => [
      lotId,
      Object.fromEntries(Object.entries(points).filter(([, p]) => p !== null)),
    ]),
  ) as BidReviewInput['scores'];
  const { claims } = bid;
  const holds = value.verified;
  return {
    habilitante: value.habilitante ?? 'pending',
    note: value.note.trim() || null,
    scores,
    verified: {
      nationalStatusVerified: holds.nationalStatusVerified,
      disabilityBonus: holds.disabilityBonus && claims.disabilityBonus,
      womanHeadOfHousehold: holds.womanHeadOfHousehold && claims.womanHeadOfHousehold,
      disabilityPayrollPercent: holds.disabilityPayrollPercent ? claims.disabilityPayrollPercent : 0,
      olderWorkersPercent: holds.olderWorkersPercent ? claims.olderWorkersPercent : 0,
      ethnicPayrollPercent: holds.ethnicPayrollPercent ? claims.ethnicPayrollPercent : 0,
      reincorporation: holds.reincorporation && claims.reincorporation,
      mipymePaymentsPercent: holds.mipymePaymentsPercent ? claims.mipymePaymentsPercent : 0,
      bicMipyme: holds.bicMipyme && claims.bicMipyme,
    },
  };
}

/**
 * One opened bid under review: its documents per envelope to download, the habilitante verdict with its
 * note, the committee's points for each lot offered and each part it scores, and which declared claims
 * the evidence supports.
 */
@Component({
  selector: 'esl-bid-review',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    AmountPipe,
    BogotaTimePipe,
    EvaluationErrorPipe,
  ],
  templateUrl: './bid-review.html',
  styleUrl: './bid-review.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BidReview {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  readonly tenderId = input.required<string>();
  readonly bid = input.required<OpenedBid>();
  /** The criteria parts the committee scores. */
  readonly parts = input.required<readonly CriteriaPartInput[]>();
  readonly lots = input.required<readonly LotView[]>();
  readonly editable = input(true);
  readonly saved = output<OpenedBid>();

  protected readonly verdicts = VERDICTS;
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  /** Rebuilt only when the bid itself is replaced (after its own save), so edits elsewhere on the page survive. */
  protected readonly form = computed(() => {
    const form = reviewForm(this.bid(), this.parts());
    if (!this.editable()) form.disable();
    return form;
  });
  /** The bid's documents under each envelope, in the order the bid lists them. */
  protected readonly documentGroups = computed(() => {
    const documents = this.bid().documents ?? [];
    return BID_ENVELOPES.map((envelope) => ({ envelope, documents: documents.filter((d) => d.envelope === envelope) }));
  });
  /** The origin check always; of the other claims only those the bidder declared. */
  protected readonly shownClaims = computed(() => {
    const { claims } = this.bid();
    const declared = (Object.keys(claims) as (keyof BidClaims)[]).filter((key) => claims[key]);
    return [...declared, 'nationalStatusVerified' as const].map((key) => ({ key, label: this.claimLabel(key, claims) }));
  });

  protected envelopeLabel(envelope: BidEnvelope): string {
    return this.i18n.t(`evaluation.review.envelopes.${envelope}`);
  }

  protected documentUrl(document: BidDocumentRef): string {
    return this.client.bidDocumentUrl(this.tenderId(), this.bid().bidId, document.documentId);
  }

  protected stateLabel(state: HabilitanteState): string {
    return this.i18n.t(`evaluation.review.states.${state}`);
  }

  protected sizeLabel(size: OpenedBid['sizeClass']): string {
    return sizeLabel(this.i18n, size);
  }

  protected pluralText(plural: PluralBidderInput): string {
    const members = plural.members.map((m) => this.i18n.t('evaluation.review.member', { name: m.name, percent: m.participationPercent }));
    const kind = this.i18n.t(`evaluation.review.pluralKinds.${plural.kind}`);
    return this.i18n.t('evaluation.review.plural', { kind, name: plural.name, members: members.join(', ') });
  }

  protected lotTitle(lotId: string): string {
    const lot = this.lots().find((l) => l.id === lotId);
    return lot ? `${this.i18n.t('tenders.common.lot', { n: lot.position + 1 })} · ${lot.title}` : lotId;
  }

  protected nationalLabel(lot: OpenedBid['lots'][number]): string {
    return nationalIndustryLabel(this.i18n, lot.nationalIndustry);
  }

  protected partHeader(part: CriteriaPartInput): string {
    return this.i18n.t('evaluation.review.partMax', { label: part.label, points: part.points });
  }

  protected scoreLabel(part: CriteriaPartInput, lotId: string): string {
    return this.i18n.t('evaluation.review.scoreLabel', { part: part.label, lot: this.lotTitle(lotId) });
  }

  protected scoreControl(lotId: string, partKey: string): AbstractControl | null {
    return this.form().get(['scores', lotId, partKey]);
  }

  protected save(): void {
    const form = this.form();
    const bid = this.bid();
    // The note's rule reads the verdict, which may have changed since the note was last checked.
    form.controls.note.updateValueAndValidity();
    this.announcement.set('');
    sendForm(
      this.i18n,
      form,
      { busy: this.busy, failure: this.failure },
      () => this.client.review(this.tenderId(), bid.bidId, reviewInput(bid, form)),
      (saved) => {
        this.announcement.set(this.i18n.t('evaluation.review.saved'));
        this.saved.emit(saved);
      },
    );
  }

  private claimLabel(key: keyof VerifiedClaims, claims: BidClaims): string {
    const label = this.i18n.t(`evaluation.review.claims.${key}`);
    const declared = key === 'nationalStatusVerified' ? null : claims[key];
    return typeof declared === 'number' ? this.i18n.t('evaluation.review.percentClaim', { label, percent: declared }) : label;
  }
}
