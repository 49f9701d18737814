import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import type { TenderStatus as Status } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';

/** The stage of a tender as a chip: drafts and open calls stand out from finished ones. */
@Component({
  selector: 'esl-tender-status',
  imports: [MatChipsModule],
  template: `
    <mat-chip-set [attr.aria-label]="i18n.t('tenders.common.status')">
      <mat-chip [class]="'status-' + status()" data-testid="status">{{ label() }}</mat-chip>
    </mat-chip-set>
  `,
  styles: `
    .status-open {
      --mat-chip-elevated-container-color: var(--mat-sys-primary-container);
    }
    .status-published_draft,
    .status-draft {
      --mat-chip-elevated-container-color: var(--mat-sys-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderStatus {
  protected readonly i18n = inject(I18n);
  readonly status = input.required<Status>();
  protected readonly label = computed(() => this.i18n.t(`tenders.statuses.${this.status()}`));
}
