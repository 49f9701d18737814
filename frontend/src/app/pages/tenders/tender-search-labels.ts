import type { TenderFacet, TenderSearchQuery } from '@eslabon/contracts';
import { formatAmount, formatDay } from '../../core/i18n/format';
import type { I18n } from '../../core/i18n/i18n.service';

/** Names of the places and UNSPSC codes a search names, as far as they are known (the code otherwise). */
export interface SearchNames {
  department(code: string): string;
  municipality(code: string): string;
  unspsc(code: string): string;
}

/** The filters a search can name in a chip, in the order they are shown. */
export const CHIP_FILTERS = [
  'status',
  'unspsc',
  'department',
  'municipality',
  'modality',
  'reserved',
  'productiveBet',
  'budgetMin',
  'budgetMax',
  'closingFrom',
  'closingTo',
] as const;
export type ChipFilter = (typeof CHIP_FILTERS)[number];

export interface ChosenFilter {
  filter: ChipFilter;
  /** "Estado: Abierto" */
  label: string;
}

/** The words for one value of a facet: enum codes in the reader's language, places and segments by name. */
export function facetValueLabel(i18n: I18n, facet: TenderFacet, value: string, names: SearchNames): string {
  // A code this version of the UI does not know yet shows as it is.
  const word = (key: string) => (i18n.has(key) ? i18n.t(key) : value);
  switch (facet) {
    case 'status':
      return value === 'active' ? i18n.t('tenders.search.activeStatus') : word(`tenders.statuses.${value}`);
    case 'modality':
      return word(`tenders.modalities.${value}`);
    case 'productiveBet':
      return word(`admin.buyerProfile.betNames.${value}`);
    case 'reserved':
      return word(`tenders.search.reserved.${value}`);
    case 'department':
      return names.department(value);
    case 'segment':
      return names.unspsc(value);
  }
}

/** The value of one chosen filter in words. */
function valueLabel(i18n: I18n, filter: ChipFilter, value: string, names: SearchNames): string {
  const locale = i18n.locale();
  switch (filter) {
    case 'unspsc':
      return names.unspsc(value);
    case 'municipality':
      return names.municipality(value);
    case 'budgetMin':
    case 'budgetMax':
      return formatAmount(value, locale, 'COP');
    case 'closingFrom':
    case 'closingTo':
      return formatDay(value, locale);
    default:
      return facetValueLabel(i18n, filter, value, names);
  }
}

/** Every filter of a query in words ("Departamento: ANTIOQUIA"), for chips and saved-search summaries. */
export function chosenFilters(i18n: I18n, query: TenderSearchQuery, names: SearchNames): ChosenFilter[] {
  return CHIP_FILTERS.filter((filter) => query[filter]).map((filter) => ({
    filter,
    label: i18n.t('tenders.search.chip', {
      name: i18n.t(`tenders.search.names.${filter}`),
      value: valueLabel(i18n, filter, String(query[filter]), names),
    }),
  }));
}
