import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { MipymeLimitationView, TenderSummary } from '@eslabon/contracts';
import { I18n, type MessageKey } from '../../core/i18n/i18n.service';
import { formatLongDay } from './tender-format';

type Badge = 'reservedForMipymes' | 'reservedForEconomiaPopular' | 'limitedToMipymes' | 'susceptible';

/**
 * Who may bid, as badges; with `explain`, each says in plain words what it means for a supplier
 * (Ley 2069 de 2020, Decreto 1860 de 2021).
 */
@Component({
  selector: 'esl-tender-badges',
  template: `
    @if (badges().length) {
      <ul class="badges" data-testid="badges">
        @for (badge of badges(); track badge) {
          <li>
            <strong class="badge">{{ i18n.t(label(badge)) }}</strong>
            @if (explain()) {
              <span>{{ explanation(badge) }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .badges {
      list-style: none;
      padding: 0;
      margin: 8px 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    :host(.explained) .badges {
      flex-direction: column;
    }
    .badge {
      display: inline-block;
      padding: 2px 10px;
      margin-right: 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  host: { '[class.explained]': 'explain()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderBadges {
  protected readonly i18n = inject(I18n);
  readonly tender = input.required<TenderSummary>();
  /** Known on the full view only; the list shows the three badges of the summary. */
  readonly limitation = input<MipymeLimitationView | null>(null);
  readonly explain = input(false);

  protected readonly badges = computed<Badge[]>(() => {
    const t = this.tender();
    const limitation = this.limitation();
    // Once limited, "susceptible" no longer says anything new.
    const susceptible = !!limitation?.susceptible && !t.limitedToMipymes && !limitation.decision;
    const shown: [Badge, boolean][] = [
      ['limitedToMipymes', t.limitedToMipymes],
      ['susceptible', susceptible],
      ['reservedForMipymes', t.reservedForMipymes],
      ['reservedForEconomiaPopular', t.reservedForEconomiaPopular],
    ];
    return shown.filter(([, on]) => on).map(([badge]) => badge);
  });

  protected label(badge: Badge): MessageKey {
    return `tenders.badges.${badge}`;
  }

  protected explanation(badge: Badge): string {
    const deadline = this.limitation()?.requestDeadline;
    if (badge === 'susceptible' && deadline) {
      return this.i18n.t('tenders.badges.susceptibleUntil', { date: formatLongDay(deadline, this.i18n.locale()) });
    }
    return this.i18n.t(`tenders.badges.${badge}Text`);
  }
}
