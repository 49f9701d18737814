import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { BidReceipt, TenderView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { TendersClient } from '../tenders/tenders.client';
import { BidContent } from './bid-content';
import { bidDigest } from './bid-digest';
import { bidErrorMessage, bidStateLabel, formatUtc } from './bid-format';
import { BidStorage, type SealedBid } from './bid-storage';
import { BidsClient } from './bids.client';

/**
 * The proof of a sealed bid: what the server recorded (version, instant, digest, nonce) and, when this
 * browser submitted it, the content it kept, which recomputes the digest here. Laid out to be printed.
 */
@Component({
  selector: 'esl-bid-receipt-page',
  imports: [RouterLink, MatButtonModule, BidContent, BogotaTimePipe],
  template: `
    @if (!organizationId()) {
      <p role="note">{{ i18n.t('bids.noSupplier') }}</p>
    } @else if (receipt(); as r) {
      <article class="receipt">
        <h1>{{ i18n.t('bids.receipt.title') }}</h1>
        @if (r.status === 'submitted' && r.needsReconfirmation) {
          <p class="warning" role="alert" data-testid="needs-reconfirmation">{{ i18n.t('bids.existing.reconfirm') }}</p>
        }
        <dl class="facts">
          <dt>{{ i18n.t('bids.receipt.tender') }}</dt>
          <dd>
            <a [routerLink]="['/procesos', r.tenderId]">{{ tender() ? tender()?.reference + ' · ' + tender()?.title : r.tenderId }}</a>
          </dd>
          <dt>{{ i18n.t('bids.receipt.bidId') }}</dt>
          <dd class="code" data-testid="receipt-bid-id">{{ r.bidId }}</dd>
          <dt>{{ i18n.t('bids.receipt.version') }}</dt>
          <dd data-testid="receipt-version">{{ r.version }}</dd>
          <dt>{{ i18n.t('bids.receipt.status') }}</dt>
          <dd data-testid="receipt-status">{{ stateLabel(r) }}</dd>
          <dt>{{ i18n.t('bids.receipt.submittedUtc') }}</dt>
          <dd data-testid="receipt-utc">{{ utc(r.submittedAt) }}</dd>
          <dt>{{ i18n.t('bids.receipt.submittedBogota') }}</dt>
          <dd data-testid="receipt-bogota">{{ r.submittedAt | bogotaTime: i18n.locale() }}</dd>
          <dt>{{ i18n.t('bids.receipt.termsVersion') }}</dt>
          <dd>{{ r.termsVersion }}</dd>
          <dt>{{ i18n.t('bids.receipt.digest') }}</dt>
          <dd class="code" data-testid="receipt-digest">{{ r.digest }}</dd>
          <dt>{{ i18n.t('bids.receipt.nonce') }}</dt>
          <dd class="code" data-testid="receipt-nonce">{{ r.nonce }}</dd>
        </dl>

        <section aria-labelledby="content-title">
          <h2 id="content-title">{{ i18n.t('bids.receipt.contentTitle') }}</h2>
          @if (sealed(); as s) {
            <p>{{ i18n.t('bids.receipt.contentIntro') }}</p>
            @if (s.receipt.version !== r.version) {
              <p role="note" data-testid="other-version">
                {{ i18n.t('bids.receipt.otherVersion', { local: s.receipt.version, current: r.version, digest: s.receipt.digest }) }}
              </p>
            }
            <esl-bid-content [content]="s.content" [lots]="tender()?.lots ?? []" />
            <div class="form-actions no-print">
              <button mat-flat-button type="button" data-testid="verify-digest" [disabled]="verifying()" (click)="verify(r, s)">
                {{ i18n.t('bids.receipt.verify') }}
              </button>
            </div>
            <p
              aria-live="polite"
              data-testid="verify-result"
              [class.match]="verdict() === 'match'"
              [class.form-error]="verdict() === 'mismatch'"
            >
              @if (verdict(); as v) {
                {{ i18n.t(v === 'match' ? 'bids.receipt.match' : 'bids.receipt.mismatch') }}
              }
            </p>
          } @else {
            <p role="note" data-testid="no-content">{{ i18n.t('bids.receipt.noContent') }}</p>
          }
        </section>

        <div class="form-actions no-print">
          <button mat-stroked-button type="button" data-testid="print-receipt" (click)="print()">{{ i18n.t('bids.receipt.print') }}</button>
          <a mat-stroked-button [routerLink]="['/procesos', r.tenderId, 'oferta']">{{ i18n.t('bids.receipt.back') }}</a>
        </div>
      </article>
    } @else if (failure()) {
      <p class="form-error" role="alert" data-testid="receipt-failure">{{ failure() }}</p>
    } @else {
      <p>{{ i18n.t('bids.loading') }}</p>
    }
  `,
  // Not encapsulated, so printing can hide the app's header and footer; every rule names this page.
  encapsulation: ViewEncapsulation.None,
  styles: `
    esl-bid-receipt-page .receipt {
      max-width: 760px;
    }
    esl-bid-receipt-page .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    esl-bid-receipt-page .facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    esl-bid-receipt-page .facts dd {
      margin: 0;
    }
    esl-bid-receipt-page .code {
      font-family: ui-monospace, monospace;
      overflow-wrap: anywhere;
    }
    esl-bid-receipt-page .match {
      font-weight: 600;
      color: var(--mat-sys-primary);
    }
    esl-bid-receipt-page .warning {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    @media print {
      body:has(esl-bid-receipt-page) esl-root > header,
      body:has(esl-bid-receipt-page) esl-root > footer,
      body:has(esl-bid-receipt-page) .skip-link,
      esl-bid-receipt-page .no-print {
        display: none;
      }
      esl-bid-receipt-page .receipt {
        max-width: none;
        color: #000;
      }
      esl-bid-receipt-page section,
      esl-bid-receipt-page table {
        break-inside: avoid;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BidReceiptPage {
  protected readonly i18n = inject(I18n);
  private readonly bids = inject(BidsClient);
  private readonly tenders = inject(TendersClient);
  private readonly storage = inject(BidStorage);
  private readonly session = inject(Session);
  private readonly window = inject(DOCUMENT).defaultView;
  readonly tenderId = input.required<string>();

  protected readonly receipt = signal<BidReceipt | null>(null);
  protected readonly tender = signal<TenderView | null>(null);
  protected readonly sealed = signal<SealedBid | null>(null);
  protected readonly failure = signal('');
  protected readonly verdict = signal<'match' | 'mismatch' | null>(null);
  protected readonly verifying = signal(false);

  protected readonly organizationId = computed(() => {
    const active = this.session.activeMembership();
    return active?.kind === 'supplier' && this.session.roles().length ? active.organizationId : null;
  });

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      const organizationId = this.organizationId();
      if (organizationId) untracked(() => this.load(tenderId, organizationId));
    });
  }

  private load(tenderId: string, organizationId: string): void {
    this.failure.set('');
    this.verdict.set(null);
    this.sealed.set(this.storage.sealed(organizationId, tenderId));
    this.bids.receipt(tenderId).subscribe({
      next: (receipt) => this.receipt.set(receipt),
      error: (error: unknown) =>
        this.failure.set(
          error instanceof HttpErrorResponse && error.status === 404
            ? this.i18n.t('bids.receipt.none')
            : bidErrorMessage(this.i18n, problemOf(error).code),
        ),
    });
    // Only for the tender's name and lot titles: the receipt stands without them.
    this.tenders.publicView(tenderId).subscribe({ next: (tender) => this.tender.set(tender), error: () => undefined });
  }

  protected stateLabel(receipt: BidReceipt): string {
    return bidStateLabel(this.i18n, receipt);
  }

  protected utc(iso: string): string {
    return formatUtc(iso);
  }

  /**
   * Recomputes the digest from the kept content and compares it with the receipt of its version: the
   * server's current one, or, once a later version (another submission, a withdrawal) replaced it, the
   * receipt this browser kept with it, whose digest the e-mail and the acta de cierre also state.
   */
  protected async verify(current: BidReceipt, sealed: SealedBid): Promise<void> {
    const receipt = sealed.receipt.version === current.version ? current : sealed.receipt;
    this.verifying.set(true);
    this.verdict.set(null);
    const digest = await bidDigest(receipt, sealed.supplierOrganizationId, sealed.content);
    this.verdict.set(digest === receipt.digest ? 'match' : 'mismatch');
    this.verifying.set(false);
  }

  protected print(): void {
    this.window?.print();
  }
}
