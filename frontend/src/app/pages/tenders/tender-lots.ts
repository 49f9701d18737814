import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { LotInput, UnspscClassView } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';

/** A lot as shown: a saved one carries its classes' names, one still being written only their codes. */
export type ShownLot = LotInput & { classes?: readonly UnspscClassView[] };

/** What is bought, lot by lot, as a supplier reads it. */
@Component({
  selector: 'esl-tender-lots',
  imports: [AmountPipe],
  template: `
    <ol class="lots" data-testid="lots">
      @for (lot of lots(); track $index; let i = $index) {
        <li>
          <h3>{{ i18n.t('tenders.common.lot', { n: i + 1 }) }} · {{ lot.title }}</h3>
          @if (lot.description) {
            <p>{{ lot.description }}</p>
          }
          <p>
            {{ i18n.t('tenders.common.quantity', { quantity: lot.quantity | amount: i18n.locale(), unit: lot.unit }) }} ·
            {{ lot.estimatedValueCop | amount: i18n.locale() : 'COP' }}
          </p>
          <ul class="classes" [attr.aria-label]="i18n.t('tenders.common.classes')">
            @for (c of classesOf(lot); track c.code) {
              <li>
                <span class="code">{{ c.code }}</span> {{ c.name }}
              </li>
            }
          </ul>
          @if (lot.reservedForMipymes) {
            <p class="flag">{{ i18n.t('tenders.badges.reservedForMipymes') }}</p>
          }
          @if (lot.reservedForEconomiaPopular) {
            <p class="flag">{{ i18n.t('tenders.badges.reservedForEconomiaPopular') }}</p>
          }
          @if (lot.territorialLimitation; as limitation) {
            <p>{{ i18n.t('tenders.common.territorial', { places: limitation.codes.join(', ') }) }}</p>
          }
          @if (lot.nationalComponentMinPercent !== null) {
            <p>{{ i18n.t('tenders.common.nationalComponentMin', { percent: lot.nationalComponentMinPercent }) }}</p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .lots {
      padding: 0;
      list-style: none;
    }
    .lots > li {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 8px 0;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .classes {
      padding-left: 20px;
    }
    .code {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .flag {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderLots {
  protected readonly i18n = inject(I18n);
  readonly lots = input.required<readonly ShownLot[]>();

  protected classesOf(lot: ShownLot): readonly UnspscClassView[] {
    return lot.classes ?? lot.unspscClasses.map((code) => ({ code, name: '' }));
  }
}
