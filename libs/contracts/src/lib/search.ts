/**
 * Tender search (issue 6): free text with accents, case and one typo forgiven, filters, facet counts,
 * sorts and pages. The same query shape is stored in saved searches, and is the URL state of the
 * search page, so a search can be bookmarked and shared.
 */
import type { ProductiveBet } from './buyers';
import type { TenderModality, TenderStatus, TenderSummary } from './tenders';

export const TENDER_SORTS = ['relevance', 'closing', 'budget', 'published'] as const;
export type TenderSort = (typeof TENDER_SORTS)[number];

/** Lots reserved for a kind of supplier. */
export const RESERVATIONS = ['mipymes', 'economia_popular'] as const;
export type Reservation = (typeof RESERVATIONS)[number];

/** Filters with facet counts; the count of a value is what the search would return with it chosen. */
export const TENDER_FACETS = ['status', 'modality', 'department', 'segment', 'reserved', 'productiveBet'] as const;
export type TenderFacet = (typeof TENDER_FACETS)[number];

/** Statuses a search may ask for: drafts are never public; `active` is both in which a supplier can still act. */
export type SearchableStatus = Exclude<TenderStatus, 'draft'> | 'active';
export const ACTIVE_STATUSES: readonly TenderStatus[] = ['published_draft', 'open'];

export interface TenderSearchQuery {
  q?: string;
  /** A UNSPSC segment (2 digits), family (4) or class (6). */
  unspsc?: string;
  /** DIVIPOLA department of execution (2 digits). */
  department?: string;
  /** DIVIPOLA municipality of execution (5 digits). */
  municipality?: string;
  modality?: TenderModality;
  status?: SearchableStatus;
  /** Whole COP bounds of the estimated value, inclusive, as decimal strings. */
  budgetMin?: string;
  budgetMax?: string;
  /** Bids close on or after / on or before these Colombian calendar days (`YYYY-MM-DD`). */
  closingFrom?: string;
  closingTo?: string;
  reserved?: Reservation;
  productiveBet?: ProductiveBet;
  /** Relevance when there are words to rank by; otherwise closing date. */
  sort?: TenderSort;
  page?: number;
  pageSize?: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface TenderSearchResult {
  items: TenderSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<TenderFacet, FacetCount[]>;
}

/** Typing suggestions: tender titles and UNSPSC classes that start with or contain the words. */
export interface SearchSuggestion {
  kind: 'tender' | 'unspsc';
  /** What to show and what to search for. */
  text: string;
  /** The tender id or the UNSPSC code. */
  value: string;
}

/** Shortest input that gets suggestions. */
export const SUGGESTION_MIN_LENGTH = 2;
