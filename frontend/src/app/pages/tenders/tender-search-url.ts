import type { ParamMap, Params } from '@angular/router';
import {
  PRODUCTIVE_BETS,
  RESERVATIONS,
  TENDER_MODALITIES,
  TENDER_SORTS,
  TENDER_STATUSES,
  type SearchableStatus,
  type TenderSearchQuery,
} from '@eslabon/contracts';
import { urlParams, urlReader } from '../../core/ui/url-query';

export const SEARCH_PAGE_SIZE = 20;
/** A URL that names no status searches calls a supplier can still act on: proyecto de pliego or open. */
export const DEFAULT_STATUS: SearchableStatus = 'active';
/** The URL's word for "any status" (`status=all`); never sent to the API, which takes no status as any. */
export const ANY_STATUS = 'all';
/** Every status but drafts, and `active` (proyecto de pliego or open: a supplier can still act). */
export const SEARCHABLE_STATUSES: readonly SearchableStatus[] = [...TENDER_STATUSES.filter((s) => s !== 'draft'), 'active'];

const PESOS = /^\d{1,18}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a search page URL carries (the API's own names), e.g. from a shared link or a saved search. */
export function searchFromUrl(params: ParamMap): TenderSearchQuery {
  const url = urlReader(params);
  const query: TenderSearchQuery = {
    q: url.text('q'),
    unspsc: url.matching('unspsc', /^(\d{2}|\d{4}|\d{6})$/),
    department: url.matching('department', /^\d{2}$/),
    municipality: url.matching('municipality', /^\d{5}$/),
    modality: url.oneOf('modality', TENDER_MODALITIES),
    status: params.get('status') === ANY_STATUS ? undefined : (url.oneOf('status', SEARCHABLE_STATUSES) ?? DEFAULT_STATUS),
    budgetMin: url.matching('budgetMin', PESOS),
    budgetMax: url.matching('budgetMax', PESOS),
    closingFrom: url.matching('closingFrom', DAY),
    closingTo: url.matching('closingTo', DAY),
    reserved: url.oneOf('reserved', RESERVATIONS),
    productiveBet: url.oneOf('productiveBet', PRODUCTIVE_BETS),
    sort: url.oneOf('sort', TENDER_SORTS),
    page: url.page(),
    pageSize: SEARCH_PAGE_SIZE,
  };
  return withoutUnset(query);
}

/** The URL parameter for a status: none for the default (active), `all` for any. */
export function statusParam(status: SearchableStatus | undefined): string | null {
  return status === DEFAULT_STATUS ? null : (status ?? ANY_STATUS);
}

/** A query as a search page URL's parameters, for a link or `router.navigate`: the inverse of searchFromUrl. */
export function urlFromSearch(query: TenderSearchQuery): Params {
  const { status, sort } = query;
  const filters = { ...query, sort: sort === 'relevance' ? undefined : sort, status: statusParam(status) };
  // The page size is the page's own.
  delete filters.pageSize;
  return urlParams(filters);
}

/** What a saved search keeps: the filters, words and sort, not the page. */
export function savedQuery(query: TenderSearchQuery): TenderSearchQuery {
  const kept = { ...query };
  delete kept.page;
  delete kept.pageSize;
  return kept;
}

function withoutUnset<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as T;
}
