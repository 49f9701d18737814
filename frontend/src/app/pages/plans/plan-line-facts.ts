import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { PlanLineView, ProductiveBet, TenderModality } from '@eslabon/contracts';
import { formatAmount } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { monthName } from './plan-text';

/** What a plan line says, as both the buyer's list and the public cards show it. */
@Component({
  selector: 'esl-plan-line-facts',
  template: `
    <p class="description">{{ line().description }}</p>
    <p class="label">{{ i18n.t('plans.classes') }}</p>
    <ul class="classes">
      @for (c of line().classes; track c.code) {
        <li>
          <span class="code">{{ c.code }}</span> {{ c.name }}
        </li>
      }
    </ul>
    <ul class="facts">
      <li data-testid="plan-value">{{ i18n.t('plans.value', { value: pesos(line().estimatedValueCop) }) }}</li>
      <li>{{ i18n.t('plans.expected', { month: month(line().expectedMonth), year: line().year }) }}</li>
      <li>{{ modalityLabel(line().modality) }}</li>
      @if (line().productiveBet; as bet) {
        <li>{{ betLabel(bet) }}</li>
      }
    </ul>
  `,
  styles: `
    .description {
      font: var(--mat-sys-body-large);
      margin: 0 0 8px;
    }
    .label {
      font: var(--mat-sys-label-large);
      margin: 0;
    }
    .classes {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .code {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      list-style: none;
      margin: 0;
      padding: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanLineFacts {
  protected readonly i18n = inject(I18n);
  readonly line = input.required<PlanLineView>();

  protected pesos(value: string): string {
    return formatAmount(value, this.i18n.locale(), 'COP');
  }

  protected modalityLabel(modality: TenderModality): string {
    return this.i18n.t(`tenders.modalities.${modality}`);
  }

  protected betLabel(bet: ProductiveBet): string {
    return this.i18n.t(`admin.buyerProfile.betNames.${bet}`);
  }

  protected month(month: number): string {
    return monthName(month, this.i18n.locale());
  }
}
