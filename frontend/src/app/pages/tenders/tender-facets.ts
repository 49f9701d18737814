import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Params, RouterLink } from '@angular/router';
import { ACTIVE_STATUSES, TENDER_FACETS, type FacetCount, type TenderFacet, type TenderSearchQuery } from '@eslabon/contracts';
import { formatAmount } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { facetValueLabel, type SearchNames } from './tender-search-labels';
import { ANY_STATUS, statusParam } from './tender-search-url';

/** Values listed before "Ver más". */
const SHOWN = 6;

interface FacetValue {
  value: string;
  label: string;
  count: string;
  chosen: boolean;
  /** The URL change that chooses it, or clears it when chosen. */
  link: Params;
}

/** The query parameter a facet filters by. */
const paramOf = (facet: TenderFacet) => (facet === 'segment' ? 'unspsc' : facet);

/**
 * Facet counts as links that add (or, when chosen, remove) one filter in the URL: the count of a value is
 * what the search finds with it chosen. Statuses also offer "Todos los estados" (`status=all`).
 */
@Component({
  selector: 'esl-tender-facets',
  imports: [RouterLink, MatButtonModule, NgTemplateOutlet],
  template: `
    <ng-template #choice let-v>
      <li>
        <a
          [routerLink]="[]"
          [queryParams]="v.link"
          queryParamsHandling="merge"
          [class.chosen]="v.chosen"
          [attr.aria-current]="v.chosen ? 'true' : null"
          >{{ v.label }} <span class="count">({{ v.count }})</span></a
        >
      </li>
    </ng-template>
    @for (group of groups(); track group.facet) {
      <section class="facet" [attr.aria-labelledby]="'facet-' + group.facet">
        <h3 [id]="'facet-' + group.facet">{{ group.title }}</h3>
        <ul [attr.data-testid]="'facet-' + group.facet">
          @if (group.facet === 'status') {
            @for (v of statusChoices(); track v.value) {
              <ng-container *ngTemplateOutlet="choice; context: { $implicit: v }" />
            }
          }
          @for (v of group.values; track v.value) {
            <ng-container *ngTemplateOutlet="choice; context: { $implicit: v }" />
          }
        </ul>
        @if (group.hidden > 0 || expanded().has(group.facet)) {
          <button mat-button type="button" [attr.aria-expanded]="expanded().has(group.facet)" (click)="toggle(group.facet)">
            {{ expanded().has(group.facet) ? i18n.t('tenders.search.less') : i18n.t('tenders.search.more', { count: group.hidden }) }}
          </button>
        }
      </section>
    }
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    a {
      display: block;
      padding: 6px 8px;
      border-radius: 8px;
      color: inherit;
      text-decoration: none;
      &:hover {
        background: var(--mat-sys-surface-container-highest);
      }
      &.chosen {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
        font-weight: 600;
      }
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderFacets {
  protected readonly i18n = inject(I18n);
  readonly facets = input.required<Readonly<Record<TenderFacet, FacetCount[]>>>();
  readonly query = input.required<TenderSearchQuery>();
  readonly names = input.required<SearchNames>();
  protected readonly expanded = signal<ReadonlySet<TenderFacet>>(new Set());

  /** "Todos los estados" and "Activos", counted from the statuses they take in. */
  protected readonly statusChoices = computed<FacetValue[]>(() => {
    const counts = this.facets().status ?? [];
    const sum = (values: readonly string[] | null) =>
      formatAmount(
        counts.filter((c) => !values || values.includes(c.value)).reduce((total, c) => total + c.count, 0),
        this.i18n.locale(),
      );
    const status = this.query().status;
    return [
      {
        value: ANY_STATUS,
        label: this.i18n.t('tenders.search.anyStatus'),
        count: sum(null),
        chosen: !status,
        link: { status: ANY_STATUS, page: null },
      },
      {
        value: 'active',
        label: this.i18n.t('tenders.search.activeStatus'),
        count: sum(ACTIVE_STATUSES),
        chosen: status === 'active',
        link: { status: status === 'active' ? ANY_STATUS : 'active', page: null },
      },
    ];
  });

  protected readonly groups = computed(() =>
    TENDER_FACETS.map((facet) => {
      const filtered = this.query()[paramOf(facet)];
      // "Activos" is one of the status choices above the statuses, not a status of its own.
      const chosen = filtered === 'active' ? undefined : filtered;
      const counts = [...(this.facets()[facet] ?? [])];
      // A chosen value stays in sight even when nothing has it any more.
      if (chosen && !counts.some((c) => c.value === chosen)) counts.unshift({ value: chosen, count: 0 });
      const all = counts.map((c) => this.value(facet, c, c.value === chosen));
      const open = this.expanded().has(facet);
      const values = open ? all : all.filter((v, i) => i < SHOWN || v.chosen);
      return { facet, title: this.i18n.t(`tenders.search.names.${facet}`), values, hidden: all.length - values.length };
    }).filter((group) => group.values.length > 0 || group.facet === 'status'),
  );

  protected toggle(facet: TenderFacet): void {
    const expanded = new Set(this.expanded());
    if (!expanded.delete(facet)) expanded.add(facet);
    this.expanded.set(expanded);
  }

  private value(facet: TenderFacet, { value, count }: FacetCount, chosen: boolean): FacetValue {
    return {
      value,
      label: facetValueLabel(this.i18n, facet, value, this.names()),
      count: formatAmount(count, this.i18n.locale()),
      chosen,
      link: { ...this.change(facet, chosen ? null : value), page: null },
    };
  }

  /** Choosing a value, or clearing the facet (null): no status is open, so clearing it means any status. */
  private change(facet: TenderFacet, value: string | null): Params {
    if (facet === 'status') return { status: value ? statusParam(value as TenderSearchQuery['status']) : ANY_STATUS };
    if (facet === 'department') return { department: value, municipality: null };
    return { [paramOf(facet)]: value };
  }
}
