import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { TenderModality, TenderSummary } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderBadges } from './tender-badges';
import { BogotaLongPipe, daysLeftText, tenderPlace } from './tender-format';
import { TenderStatus } from './tender-status';

/**
 * Tenders as cards (one column on a phone), each linking to `link` + its id: what a small firm decides on
 * (who buys, how much, where, until when, and who may bid). Each card is an article named by its title.
 */
@Component({
  selector: 'esl-tender-cards',
  imports: [RouterLink, MatCardModule, AmountPipe, BogotaLongPipe, TenderBadges, TenderStatus],
  template: `
    <ul class="cards-list" data-testid="tenders">
      @for (tender of tenders(); track tender.id) {
        <li>
          <mat-card appearance="outlined" role="article" [attr.aria-labelledby]="'tender-' + tender.id">
            <mat-card-content>
              <esl-tender-status [status]="tender.status" />
              <h2 [id]="'tender-' + tender.id">
                <a [routerLink]="[link(), tender.id]">{{ tender.title }}</a>
              </h2>
              <p class="muted">{{ tender.reference }} · {{ tender.buyer.name }}</p>
              <p>{{ modalityLabel(tender.modality) }}</p>
              <p data-testid="place">{{ place(tender) }}</p>
              <p>
                <span data-testid="budget">{{ tender.estimatedValueCop | amount: i18n.locale() : 'COP' }}</span> ·
                {{ i18n.t('tenders.common.lotCount', { count: tender.lotCount }) }}
              </p>
              <p>{{ i18n.t('tenders.mine.closes', { date: (tender.closingAt | bogotaLong: i18n.locale()) }) }}</p>
              <p class="days-left" data-testid="days-left">{{ daysLeft(tender.closingAt) }}</p>
              <esl-tender-badges [tender]="tender" />
            </mat-card-content>
          </mat-card>
        </li>
      } @empty {
        <li>{{ empty() }}</li>
      }
    </ul>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 8px 0 4px;
    }
    p {
      margin: 4px 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .days-left {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderCards {
  protected readonly i18n = inject(I18n);
  readonly tenders = input.required<readonly TenderSummary[]>();
  readonly link = input.required<string>();
  readonly empty = input.required<string>();

  protected modalityLabel(modality: TenderModality): string {
    return this.i18n.t(`tenders.modalities.${modality}`);
  }

  protected place(tender: TenderSummary): string {
    return tenderPlace(tender);
  }

  protected daysLeft(closingAt: string): string {
    return daysLeftText(this.i18n, closingAt);
  }
}
