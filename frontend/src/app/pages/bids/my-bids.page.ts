import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MyBidView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { BogotaLongPipe } from '../tenders/tender-format';
import { bidErrorMessage, bidStateLabel } from './bid-format';
import { BidsClient } from './bids.client';

/** "Mis ofertas": the active supplier organization's bids, newest first, with their results once decided. */
@Component({
  selector: 'esl-my-bids-page',
  imports: [RouterLink, MatButtonModule, BogotaLongPipe],
  template: `
    <h1>{{ i18n.t('bids.mine.title') }}</h1>
    @if (!organizationId()) {
      <p role="note">{{ i18n.t('bids.noSupplier') }}</p>
    } @else if (failure()) {
      <p class="form-error" role="alert" data-testid="bids-failure">{{ failure() }}</p>
    } @else if (bids(); as list) {
      <p>{{ i18n.t('bids.mine.intro') }}</p>
      @if (list.length) {
        <ul class="plain-list bids" data-testid="my-bids">
          @for (bid of list; track bid.bidId) {
            <li [attr.data-testid]="'bid-' + bid.bidId">
              <h2>
                <a [routerLink]="['/procesos', bid.tenderId]">{{ bid.tenderReference }} · {{ bid.tenderTitle }}</a>
              </h2>
              <p>
                <strong data-testid="bid-state" [class.alert]="bid.status === 'submitted' && bid.needsReconfirmation">{{
                  stateLabel(bid)
                }}</strong>
                · {{ i18n.t('bids.mine.version', { n: bid.version }) }} ·
                {{ i18n.t('bids.mine.closes', { time: (bid.closingAt | bogotaLong: i18n.locale()) }) }}
              </p>
              @if (bid.outcomes.length) {
                <ul class="outcomes" [attr.aria-label]="i18n.t('bids.mine.outcomes')" data-testid="bid-outcomes">
                  @for (o of bid.outcomes; track o.lotId) {
                    <li>{{ o.lotTitle }}: {{ outcomeLabel(o.outcome) }}</li>
                  }
                </ul>
              }
              <a mat-stroked-button [routerLink]="['/procesos', bid.tenderId, 'oferta', 'recibo']" data-testid="bid-receipt">{{
                i18n.t('bids.mine.receipt')
              }}</a>
            </li>
          }
        </ul>
      } @else {
        <p data-testid="no-bids">{{ i18n.t('bids.mine.none') }}</p>
      }
    } @else {
      <p>{{ i18n.t('bids.loading') }}</p>
    }
  `,
  styles: `
    .bids > li {
      padding: 12px 0;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .alert {
      color: var(--mat-sys-error);
    }
    .outcomes {
      margin: 4px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyBidsPage {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(Session);
  private readonly client = inject(BidsClient);
  protected readonly bids = signal<MyBidView[] | null>(null);
  protected readonly failure = signal('');

  protected readonly organizationId = computed(() => {
    const active = this.session.activeMembership();
    return active?.kind === 'supplier' && this.session.roles().length ? active.organizationId : null;
  });

  constructor() {
    // Another organization chosen in the header: its own bids.
    effect(() => {
      if (this.organizationId()) untracked(() => this.load());
    });
  }

  private load(): void {
    this.bids.set(null);
    this.failure.set('');
    this.client.mine().subscribe({
      next: (list) => this.bids.set(list),
      error: (error: unknown) => this.failure.set(bidErrorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected stateLabel(bid: MyBidView): string {
    return bidStateLabel(this.i18n, bid);
  }

  protected outcomeLabel(outcome: MyBidView['outcomes'][number]['outcome']): string {
    return this.i18n.t(`bids.outcomes.${outcome}`);
  }
}
