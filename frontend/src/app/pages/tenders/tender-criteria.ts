import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { TenderCriteriaInput } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';

/** How bids will be scored, out of the total. */
@Component({
  selector: 'esl-tender-criteria',
  template: `
    <ul class="plain-list" data-testid="criteria">
      @for (part of criteria().parts; track $index) {
        <li>{{ part.label }}: {{ points(part.points) }}</li>
      }
      <li>{{ i18n.t('tenders.common.nationalIndustry') }}: {{ points(criteria().nationalIndustryPoints) }}</li>
      <li>{{ i18n.t('tenders.common.foreignComponent') }}: {{ points(criteria().foreignComponentPoints) }}</li>
      <li>
        <strong>{{ i18n.t('tenders.common.totalPoints') }}: {{ points(criteria().totalPoints) }}</strong>
      </li>
    </ul>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderCriteria {
  protected readonly i18n = inject(I18n);
  readonly criteria = input.required<TenderCriteriaInput>();

  protected points(points: number): string {
    return this.i18n.t('tenders.common.points', { points: new Intl.NumberFormat(this.i18n.locale()).format(points) });
  }
}
