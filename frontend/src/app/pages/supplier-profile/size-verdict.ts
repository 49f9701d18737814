import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { SupplierProfileView } from '@eslabon/contracts';
import { WOMEN_LED_CRITERIA, WomenLedCriterion } from '@eslabon/domain';
import { I18n } from '../../core/i18n/i18n.service';
import { sizeClassLine } from './size-class-line';

const isCriterion = (name: string): name is WomenLedCriterion => (WOMEN_LED_CRITERIA as readonly string[]).includes(name);

/** What the server concluded from the legal step: size class and why, mipyme or not, women-led criteria met; read out when it changes. */
@Component({
  selector: 'esl-size-verdict',
  host: { 'aria-live': 'polite' },
  template: `
    @if (profile().size; as size) {
      <p data-testid="size-class">{{ sizeLine() }}</p>
      <p data-testid="mipyme">{{ i18n.t(size.mipyme ? 'supplierProfile.size.mipyme' : 'supplierProfile.size.notMipyme') }}</p>
      <p data-testid="women-led">{{ womenLedLine() }}</p>
    } @else {
      <p>{{ i18n.t('supplierProfile.size.pending') }}</p>
    }
  `,
  styles: ':host { display: block } p { margin: 4px 0 }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SizeVerdict {
  protected readonly i18n = inject(I18n);
  readonly profile = input.required<SupplierProfileView>();

  protected readonly sizeLine = computed(() => {
    const size = this.profile().size;
    return size ? sizeClassLine(size, this.i18n.locale(), (key, params) => this.i18n.t(key, params)) : '';
  });

  protected readonly womenLedLine = computed(() => {
    const met = this.profile().womenLedCriteria.filter(isCriterion);
    if (!met.length) return this.i18n.t('supplierProfile.size.notWomenLed');
    const criteria = met.map((criterion) => this.i18n.t(`supplierProfile.legal.women.${criterion}.met`)).join('; ');
    return this.i18n.t('supplierProfile.size.womenLed', { criteria });
  });
}
