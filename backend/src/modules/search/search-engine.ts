import type {
  FacetCount,
  ProductiveBet,
  Reservation,
  TenderFacet,
  TenderModality,
  TenderSearchQuery,
  TenderSort,
  TenderStatus,
} from '@eslabon/contracts';
import { TENDER_FACETS } from '@eslabon/contracts';

/**
 * What a search engine holds of a published tender: built from the database by TenderDocuments and
 * rebuilt whenever the tender changes, so an engine never has to be trusted over the database.
 */
export interface TenderSearchDocument {
  id: string;
  reference: string;
  title: string;
  description: string;
  buyerName: string;
  lotTitles: string[];
  /** Spanish names of the lots' UNSPSC classes. */
  unspscNames: string[];
  /** Every lot class with its family and segment prefixes (6, 4 and 2 digits), so one filter serves all three levels. */
  unspscCodes: string[];
  /** The 2-digit segments alone: the segment facet. */
  segments: string[];
  modality: TenderModality;
  status: Exclude<TenderStatus, 'draft'>;
  productiveBet: ProductiveBet | null;
  department: string;
  municipality: string | null;
  /** Whole COP as a decimal string. */
  estimatedValueCop: string;
  /** ISO instants (UTC). */
  closingAt: string;
  publishedAt: string | null;
  reserved: Reservation[];
}

/** A search as an engine receives it: pages as offset/limit and closing days as instants. */
export interface EngineQuery extends Omit<TenderSearchQuery, 'closingFrom' | 'closingTo' | 'page' | 'pageSize' | 'sort'> {
  /** ISO instants bounding closingAt, inclusive. */
  closingAfter?: string;
  closingBefore?: string;
  /** Only these tenders: a saved search asks whether one new tender is among its results. */
  ids?: string[];
  sort: TenderSort;
  offset: number;
  limit: number;
  /** Facet counts and the total cost time; matching, alerts and suggestions do not need them. */
  facets: boolean;
}

export interface EngineResult {
  /** Tender ids of the page, in order. */
  ids: string[];
  /** How many match: counted with the facets; without them only at least offset + ids (matching and alerts ignore it). */
  total: number;
  /** Every facet, values by descending count; empty lists when facets were not asked for. */
  facets: Record<TenderFacet, FacetCount[]>;
}

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Creates or updates the index and its settings; safe to call at every start. */
  prepare(): Promise<void>;
  upsertTenders(documents: TenderSearchDocument[]): Promise<void>;
  removeTenders(ids: string[]): Promise<void>;
  searchTenders(query: EngineQuery): Promise<EngineResult>;
  /** Loads what searches read from memory, so the first search after a start is not the slow one. */
  warmUp?(): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

export function emptyFacets(): Record<TenderFacet, FacetCount[]> {
  return Object.fromEntries(TENDER_FACETS.map((facet) => [facet, []])) as unknown as Record<TenderFacet, FacetCount[]>;
}

/** Facet values as every engine lists them: most frequent first, then by value. */
export const byCount = (a: FacetCount, b: FacetCount): number => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
