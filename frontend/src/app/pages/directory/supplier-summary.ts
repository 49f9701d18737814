import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { SupplierPublicView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';

/**
 * A supplier's badges and its size, kind and domicile on one line, as the directory and the supplier's
 * page show them. Until the platform verifies the supplier, what it declared is labelled so.
 */
@Component({
  selector: 'esl-supplier-summary',
  template: `
    @let s = supplier();
    <ul class="badges">
      @if (s.verificationStatus === 'verified') {
        <li class="badge verified">{{ i18n.t('directory.verification.verified') }}</li>
      } @else {
        <li class="badge" [title]="i18n.t('directory.declaredHint')">{{ i18n.t('directory.declared') }}</li>
      }
      @if (s.mipyme) {
        <li class="badge">{{ i18n.t('directory.mipyme') }}</li>
      }
      @if (s.womenLed) {
        <li class="badge">{{ i18n.t('directory.womenLed') }}</li>
      }
    </ul>
    <p class="facts">{{ facts() }}</p>
  `,
  styles: `
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .badge {
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .verified {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .facts {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupplierSummary {
  protected readonly i18n = inject(I18n);
  readonly supplier = input.required<SupplierPublicView>();

  protected readonly facts = computed(() => {
    const { sizeClass, supplierType, domicile } = this.supplier();
    return [
      sizeClass && this.i18n.t(`directory.sizes.${sizeClass}`),
      supplierType && this.i18n.t(`directory.types.${supplierType}`),
      domicile ? `${domicile.name}, ${domicile.departmentName}` : this.i18n.t('directory.noDomicile'),
    ]
      .filter(Boolean)
      .join(' · ');
  });
}
