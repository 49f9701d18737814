import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { TenderModality, TenderSummary } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderBadges } from './tender-badges';
import { BogotaLongPipe } from './tender-format';
import { TenderStatus } from './tender-status';

/** Tenders as cards (one column on a phone), each linking to `link` + its id. */
@Component({
  selector: 'esl-tender-cards',
  imports: [RouterLink, MatCardModule, AmountPipe, BogotaLongPipe, TenderBadges, TenderStatus],
  template: `
    <ul class="cards-list" data-testid="tenders">
      @for (tender of tenders(); track tender.id) {
        <li>
          <mat-card appearance="outlined">
            <mat-card-content>
              <esl-tender-status [status]="tender.status" />
              <h2>
                <a [routerLink]="[link(), tender.id]">{{ tender.title }}</a>
              </h2>
              <p class="muted">{{ tender.reference }} · {{ tender.buyer.name }}</p>
              <p>{{ modalityLabel(tender.modality) }}</p>
              <p>
                {{ tender.estimatedValueCop | amount: i18n.locale() : 'COP' }} ·
                {{ i18n.t('tenders.common.lotCount', { count: tender.lotCount }) }}
              </p>
              <p>{{ i18n.t('tenders.mine.closes', { date: (tender.closingAt | bogotaLong: i18n.locale()) }) }}</p>
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
}
