import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  BID_ENVELOPES,
  NATIONAL_INDUSTRY_STATUSES,
  PLURAL_BIDDER_KINDS,
  type BidClaims,
  type BidEnvelope,
  type BidReceipt,
  type LotView,
  type NationalIndustryStatus,
  type PluralBidderKind,
  type SupplierProfileView,
  type TenderView,
} from '@eslabon/contracts';
import { acceptsBids, callRefusals, lotRefusals, type BidRefusal, type BidderFacts } from '@eslabon/domain';
import { catchError, forkJoin, of, throwError } from 'rxjs';
import { problemOf, showProblem } from '../../core/api/problem';
import { formatAmount } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { formatBogotaTime } from '../../core/time/bogota-time';
import { SupplierProfileClient } from '../supplier-profile/supplier-profile.client';
import { formatBogotaLong, normalizePesos } from '../tenders/tender-format';
import { TendersClient } from '../tenders/tenders.client';
import { BidContent } from './bid-content';
import {
  bidForm,
  bidInputOf,
  documentForm,
  draftOf,
  fillBidForm,
  memberForm,
  participationSum,
  placeOnForm,
  syncEnabled,
  type BidForm,
  type BuiltBid,
  type DocumentForm,
} from './bid-form';
import { BidErrorPipe, bidErrorMessage, bidStateLabel, documentFacts } from './bid-format';
import { BidStorage } from './bid-storage';
import { BidsClient, newIdempotencyKey } from './bids.client';

type Step = 'summary' | 'edit' | 'review';
/** The heading each step starts with, where the focus goes when it shows. */
const STEP_HEADINGS: Record<Step, string> = { summary: 'summary-title', edit: 'lots-title', review: 'review-title' };

const FLAG_CLAIMS = ['disabilityBonus', 'womanHeadOfHousehold', 'reincorporation', 'bicMipyme'] as const;
const PERCENT_CLAIMS = ['disabilityPayrollPercent', 'olderWorkersPercent', 'ethnicPayrollPercent', 'mipymePaymentsPercent'] as const;

/** Who the bidder is for the reservation rules, as the API reads it from the same profile. */
function bidderFactsOf(profile: SupplierProfileView): BidderFacts {
  return {
    mipyme: profile.size?.mipyme ?? profile.legal?.supplierType === 'cooperative',
    economiaPopular: profile.legal?.supplierType === 'economia_popular',
    domicileMunicipality: profile.identity?.domicileMunicipality ?? null,
  };
}

/** The files the API takes; it judges each file itself, this only narrows the browser's file picker. */
const ACCEPTED_FILES = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

/** A file on its way to the server. */
interface Uploading {
  id: number;
  envelope: BidEnvelope;
  name: string;
}

/** Only an unknown outcome may be retried as the same attempt; any answer about the content ends it. */
const outcomeUnknown = (status: number) => status === 0 || status >= 500;

/**
 * A supplier's sealed bid on a tender: the lots and prices, the declared tie-break factors and the
 * optional consorcio or unión temporal, then a review of exactly what will be sealed. The server never
 * gives the prices back before closing, so the draft lives in this browser as it is typed, and what was
 * sealed is kept here with its receipt.
 */
@Component({
  selector: 'esl-bid-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    BidContent,
    BidErrorPipe,
  ],
  templateUrl: './bid-form.page.html',
  styleUrl: './bid-form.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BidFormPage {
  protected readonly i18n = inject(I18n);
  private readonly bids = inject(BidsClient);
  private readonly tenders = inject(TendersClient);
  private readonly profiles = inject(SupplierProfileClient);
  private readonly storage = inject(BidStorage);
  private readonly session = inject(Session);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly tenderId = input.required<string>();

  protected readonly statuses = NATIONAL_INDUSTRY_STATUSES;
  protected readonly kinds = PLURAL_BIDDER_KINDS;
  protected readonly flagClaims = FLAG_CLAIMS;
  protected readonly percentClaims = PERCENT_CLAIMS;
  protected readonly envelopes = BID_ENVELOPES;
  protected readonly acceptedFiles = ACCEPTED_FILES;

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly receipt = signal<BidReceipt | null>(null);
  protected readonly bidder = signal<BidderFacts | null>(null);
  protected readonly form = signal<BidForm | null>(null);
  protected readonly step = signal<Step>('edit');
  protected readonly review = signal<BuiltBid | null>(null);
  protected readonly loadFailure = signal('');
  protected readonly failure = signal('');
  protected readonly busy = signal(false);
  protected readonly draftSaved = signal<boolean | null>(null);
  /** Set right after this page sealed a bid; `notKept` when the browser refused to keep its content. */
  protected readonly sealedNow = signal(false);
  protected readonly notKept = signal(false);
  protected readonly confirmingWithdraw = signal(false);
  /** Files being uploaded, one request each, and per envelope the refusals of the last files chosen for it. */
  protected readonly uploads = signal<readonly Uploading[]>([]);
  protected readonly uploadErrors = signal<Partial<Record<BidEnvelope, readonly string[]>>>({});
  private uploadCount = 0;

  /**
   * The Idempotency-Key of the submission under way: kept while its outcome is unknown so a retry
   * cannot make a second version, dropped once the server answers or the bid is edited.
   */
  private attemptKey: string | null = null;
  private withdrawKey: string | null = null;

  protected readonly supplierId = computed(() => {
    const active = this.session.activeMembership();
    return active?.kind === 'supplier' && this.session.roles().length ? active.organizationId : null;
  });
  protected readonly isAdmin = computed(() => this.session.roles().includes('supplier_admin'));
  protected readonly open = computed(() => {
    const t = this.tender();
    return !!t && acceptsBids(t.status, new Date(t.closingAt), new Date());
  });
  protected readonly canBid = computed(() => this.open() && this.isAdmin());
  protected readonly lots = computed(() => [...(this.tender()?.lots ?? [])].sort((a, b) => a.position - b.position));
  protected readonly closesText = computed(() => {
    const t = this.tender();
    return t ? this.i18n.t('bids.form.closes', { time: formatBogotaLong(t.closingAt, this.i18n.locale()) }) : '';
  });
  protected readonly callRefusals = computed(() => {
    const t = this.tender();
    const bidder = this.bidder();
    if (!t || !bidder) return [];
    return callRefusals({ limitedToMipymes: t.limitedToMipymes, territorial: t.mipymeLimitation.territorial }, bidder);
  });
  protected readonly needsReconfirmation = computed(() => {
    const r = this.receipt();
    return r?.status === 'submitted' && r.needsReconfirmation;
  });

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      const organizationId = this.supplierId();
      if (organizationId) untracked(() => this.load(tenderId, organizationId));
    });
  }

  private load(tenderId: string, organizationId: string): void {
    this.loadFailure.set('');
    forkJoin({
      tender: this.tenders.publicView(tenderId),
      // No bid yet is an answer, not a failure.
      receipt: this.bids
        .receipt(tenderId)
        .pipe(catchError((e: unknown) => (e instanceof HttpErrorResponse && e.status === 404 ? of(null) : throwError(() => e)))),
    }).subscribe({
      next: ({ tender, receipt }) => {
        this.tender.set(tender);
        this.receipt.set(receipt);
        this.setUpForm(tender, organizationId);
        this.step.set(receipt ? 'summary' : 'edit');
      },
      error: (error: unknown) => this.loadFailure.set(bidErrorMessage(this.i18n, problemOf(error).code)),
    });
    // The hints are a courtesy: without the profile the API still judges the bid.
    this.profiles.profile(organizationId).subscribe({ next: (profile) => this.bidder.set(bidderFactsOf(profile)), error: () => undefined });
  }

  /** The form for the tender's lots, from this browser's draft, else from what it last sealed. */
  private setUpForm(tender: TenderView, organizationId: string): void {
    const form = bidForm(this.fb, this.lots());
    const draft = this.storage.draft(organizationId, tender.id);
    const sealed = this.storage.sealed(organizationId, tender.id);
    if (draft) fillBidForm(form, this.fb, draft);
    else if (sealed) fillBidForm(form, this.fb, draftOf(form, sealed.content));
    else syncEnabled(form);
    form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      syncEnabled(form);
      // A changed bid is a new attempt: the old key would fetch the old receipt.
      this.attemptKey = null;
      this.draftSaved.set(this.storage.saveDraft(organizationId, tender.id, form.getRawValue()));
    });
    this.form.set(form);
  }

  protected lotRefusals(lot: LotView): BidRefusal[] {
    const bidder = this.bidder();
    return bidder ? lotRefusals(lot, bidder) : [];
  }

  protected refusalText(key: 'bids.form.callRefused' | 'bids.form.lotRefused', code: BidRefusal): string {
    return this.i18n.t(key, { reason: bidErrorMessage(this.i18n, code) });
  }

  protected estimateText(lot: LotView): string {
    return this.i18n.t('bids.form.estimate', { value: formatAmount(lot.estimatedValueCop, this.i18n.locale(), 'COP') });
  }

  /** The price as it will be read, once it is whole pesos. */
  protected priceHint(text: string): string {
    const pesos = normalizePesos(text);
    return /^\d{1,18}$/.test(pesos)
      ? this.i18n.t('bids.form.priceShown', { value: formatAmount(pesos, this.i18n.locale(), 'COP') })
      : this.i18n.t('bids.form.priceHint');
  }

  protected nationalLabel(status: NationalIndustryStatus): string {
    return this.i18n.t(`bids.nationalStatuses.${status}`);
  }

  protected kindLabel(kind: PluralBidderKind): string {
    return this.i18n.t(`bids.pluralKinds.${kind}`);
  }

  protected claimLabel(claim: keyof BidClaims): string {
    return this.i18n.t(`bids.claims.${claim}`);
  }

  protected claimHelp(claim: keyof BidClaims): string {
    return this.i18n.t(`bids.claimsHelp.${claim}`);
  }

  protected stateText(receipt: BidReceipt): string {
    return this.i18n.t('bids.existing.summary', {
      version: receipt.version,
      status: bidStateLabel(this.i18n, receipt),
      time: formatBogotaTime(receipt.submittedAt, this.i18n.locale()),
    });
  }

  protected sumText(form: BidForm): string {
    return this.i18n.t('bids.plural.sum', { sum: participationSum(form.controls.plural.controls.members.controls) });
  }

  protected sumOk(form: BidForm): boolean {
    return participationSum(form.controls.plural.controls.members.controls) === 100;
  }

  /** A consorcio or unión temporal starts with the two members it needs at least. */
  protected pluralToggled(form: BidForm): void {
    const members = form.controls.plural.controls.members;
    if (form.controls.pluralEnabled.value && members.length === 0) {
      members.push(memberForm(this.fb));
      members.push(memberForm(this.fb));
    }
  }

  protected addMember(form: BidForm): void {
    form.controls.plural.controls.members.push(memberForm(this.fb));
  }

  protected removeMember(form: BidForm, index: number): void {
    form.controls.plural.controls.members.removeAt(index);
  }

  protected envelopeLabel(envelope: BidEnvelope): string {
    return this.i18n.t(`bids.documents.envelopes.${envelope}`);
  }

  protected envelopeHelp(envelope: BidEnvelope): string {
    return this.i18n.t(`bids.documents.envelopesHelp.${envelope}`);
  }

  /** An envelope's documents in the order they were uploaded, numbered from 1 on the page. */
  protected documentsIn(form: BidForm, envelope: BidEnvelope): DocumentForm[] {
    return form.controls.documents.controls.filter((document) => document.controls.envelope.value === envelope);
  }

  protected uploadsIn(envelope: BidEnvelope): Uploading[] {
    return this.uploads().filter((upload) => upload.envelope === envelope);
  }

  protected documentFacts(document: DocumentForm): string {
    const { sizeBytes, sha256 } = document.getRawValue();
    return documentFacts(this.i18n, sizeBytes, sha256);
  }

  /** Each file chosen is uploaded on its own request; the input is emptied so the same file may be chosen again. */
  protected pickFiles(form: BidForm, envelope: BidEnvelope, input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (!files.length) return;
    this.uploadErrors.update((errors) => ({ ...errors, [envelope]: [] }));
    for (const file of files) this.upload(form, envelope, file);
  }

  private upload(form: BidForm, envelope: BidEnvelope, file: File): void {
    const id = ++this.uploadCount;
    this.uploads.update((list) => [...list, { id, envelope, name: file.name }]);
    const done = () => this.uploads.update((list) => list.filter((upload) => upload.id !== id));
    this.bids
      .uploadDocument(this.tenderId(), envelope, file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (uploaded) => {
          done();
          // Joining the form's list saves it with the draft and makes the next submission a new attempt.
          form.controls.documents.push(
            documentForm(this.fb, {
              documentId: uploaded.documentId,
              envelope: uploaded.envelope,
              name: file.name,
              sha256: uploaded.sha256,
              sizeBytes: uploaded.sizeBytes,
            }),
          );
        },
        error: (error: unknown) => {
          done();
          const problem = problemOf(error);
          const code = problem.errors?.find((e) => e.field === 'file')?.code ?? problem.errors?.[0]?.code ?? problem.code;
          const message = this.i18n.t('bids.documents.uploadFailed', { name: file.name, reason: bidErrorMessage(this.i18n, code) });
          this.uploadErrors.update((errors) => ({ ...errors, [envelope]: [...(errors[envelope] ?? []), message] }));
        },
      });
  }

  /** Drops the document from the bid's list only: there is no call to delete an uploaded file, and the bid seals just what it lists. */
  protected removeDocument(form: BidForm, document: DocumentForm): void {
    const documents = form.controls.documents;
    documents.removeAt(documents.controls.indexOf(document));
  }

  protected toReview(form: BidForm): void {
    form.markAllAsTouched();
    this.failure.set('');
    if (this.uploads().length) {
      this.failure.set(this.i18n.t('bids.documents.stillUploading'));
      return;
    }
    if (form.invalid) {
      this.failure.set(this.i18n.t('bids.form.fixErrors'));
      return;
    }
    this.review.set(bidInputOf(form));
    this.go('review');
  }

  protected edit(): void {
    this.failure.set('');
    this.sealedNow.set(false);
    this.confirmingWithdraw.set(false);
    this.go('edit');
  }

  protected seal(): void {
    const built = this.review();
    const form = this.form();
    const organizationId = this.supplierId();
    if (!built || !form || !organizationId) return;
    const key = (this.attemptKey ??= newIdempotencyKey());
    this.busy.set(true);
    this.failure.set('');
    this.bids.submit(this.tenderId(), built.input, key).subscribe({
      next: (receipt) => {
        this.attemptKey = null;
        this.busy.set(false);
        this.notKept.set(!this.storage.saveSealed({ supplierOrganizationId: organizationId, receipt, content: built.input }));
        this.receipt.set(receipt);
        this.sealedNow.set(true);
        this.go('summary');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        if (outcomeUnknown(problem.status)) {
          this.failure.set(this.i18n.t('bids.review.retry'));
          return;
        }
        this.attemptKey = null;
        const rest = showProblem(form, placeOnForm(problem, built.formIndexes));
        if (problem.errors?.length) {
          // Field refusals are shown on the form, next to their controls.
          this.failure.set(rest ? bidErrorMessage(this.i18n, rest.code) : this.i18n.t('bids.form.fixErrors'));
          this.go('edit');
        } else {
          this.failure.set(bidErrorMessage(this.i18n, problem.code));
        }
      },
    });
  }

  protected withdraw(): void {
    const key = (this.withdrawKey ??= newIdempotencyKey());
    this.busy.set(true);
    this.failure.set('');
    this.bids.withdraw(this.tenderId(), key).subscribe({
      next: (receipt) => {
        this.withdrawKey = null;
        this.busy.set(false);
        this.confirmingWithdraw.set(false);
        this.sealedNow.set(false);
        this.receipt.set(receipt);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        if (!outcomeUnknown(problem.status)) this.withdrawKey = null;
        this.failure.set(bidErrorMessage(this.i18n, problem.code));
      },
    });
  }

  /** Shows a step and moves the focus to its heading, so keyboard and screen-reader users land on it. */
  private go(step: Step): void {
    this.step.set(step);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${STEP_HEADINGS[step]}`)?.focus(), {
      injector: this.injector,
    });
  }
}
