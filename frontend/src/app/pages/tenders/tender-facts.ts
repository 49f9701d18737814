import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TenderView } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { TenderBadges } from './tender-badges';
import { LongDayPipe, TenderCountdown, tenderPlace } from './tender-format';
import { TenderStatus } from './tender-status';

/** The head of a tender: who buys, for how much, where, and until when bids are received. */
@Component({
  selector: 'esl-tender-facts',
  imports: [AmountPipe, LongDayPipe, TenderBadges, TenderCountdown, TenderStatus],
  template: `
    <esl-tender-status [status]="tender().status" />
    <p class="muted">{{ i18n.t('tenders.common.reference', { reference: tender().reference }) }} · {{ tender().buyer.name }}</p>
    @if (tender().statusReason; as reason) {
      <p>{{ i18n.t('tenders.manage.statusReason', { reason }) }}</p>
    }
    <dl class="facts">
      <dt>{{ i18n.t('tenders.common.budget') }}</dt>
      <dd data-testid="budget">{{ tender().estimatedValueCop | amount: i18n.locale() : 'COP' }}</dd>
      <dt>{{ i18n.t('tenders.common.closing') }}</dt>
      <dd data-testid="closing">
        {{ tender().schedule.closing | longDay: i18n.locale() }} {{ i18n.t('tenders.common.atTime', { time: tender().closingTime }) }}
        <br />
        <strong><esl-tender-countdown [closingAt]="tender().closingAt" /></strong>
      </dd>
      <dt>{{ i18n.t('tenders.common.modality') }}</dt>
      <dd>{{ modality() }}</dd>
      <dt>{{ i18n.t('tenders.common.execution') }}</dt>
      <dd>{{ place() }}</dd>
    </dl>
    <esl-tender-badges [tender]="tender()" [limitation]="tender().mipymeLimitation" [explain]="true" />
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: 4px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderFacts {
  protected readonly i18n = inject(I18n);
  readonly tender = input.required<TenderView>();
  protected readonly modality = computed(() => this.i18n.t(`tenders.modalities.${this.tender().modality}`));
  protected readonly place = computed(() => tenderPlace(this.tender()));
}
