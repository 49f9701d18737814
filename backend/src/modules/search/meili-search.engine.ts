import { setTimeout as sleep } from 'node:timers/promises';
import { ACTIVE_STATUSES, TENDER_FACETS, type FacetCount, type TenderFacet } from '@eslabon/contracts';
import { type EngineQuery, type EngineResult, type SearchEngine, type TenderSearchDocument, byCount, emptyFacets } from './search-engine';
import { searchWords } from './search-text';
import { MIN_WORD_FOR_TWO_TYPOS, MIN_WORD_FOR_TYPO, SEARCH_SYNONYMS, SPANISH_STOP_WORDS } from './search-vocabulary';

export interface MeiliSearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Default 'tenders'. */
  indexUid?: string;
  fetch?: typeof fetch;
  /** How long to wait for one Meilisearch task: a settings change makes it reindex every document. */
  taskTimeoutMs?: number;
  /** First pause between polls of a task; it doubles up to a second. */
  pollIntervalMs?: number;
}

/** A tender as Meilisearch holds it: the value and instants as numbers, so they can be filtered by range and sorted. */
export interface MeiliTenderDocument extends TenderSearchDocument {
  estimatedValue: number;
  closingAtMs: number;
  publishedAtMs: number | null;
}

/** Where a facet's values live in the index. */
export const MEILI_FACET_ATTRIBUTES: Record<TenderFacet, keyof MeiliTenderDocument> = {
  status: 'status',
  modality: 'modality',
  department: 'department',
  segment: 'segments',
  reserved: 'reserved',
  productiveBet: 'productiveBet',
};

/** Every word of a group stands for each of the others (Meilisearch's mutual synonyms are spelled out one way at a time). */
export function meiliSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups)
    for (const word of group) synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...group.filter((other) => other !== word)])];
  return synonyms;
}

export const MEILI_TENDER_SETTINGS = {
  // In rank order: Meilisearch's attribute rule prefers a match in an earlier attribute.
  searchableAttributes: ['title', 'lotTitles', 'unspscNames', 'reference', 'buyerName', 'description'],
  filterableAttributes: [
    'id',
    'status',
    'modality',
    'department',
    'municipality',
    'unspscCodes',
    'segments',
    'reserved',
    'productiveBet',
    'estimatedValue',
    'closingAtMs',
    'publishedAtMs',
  ],
  sortableAttributes: ['closingAtMs', 'estimatedValue', 'publishedAtMs'],
  // Meilisearch's defaults with sort moved first: a chosen sort orders every hit, as on PostgreSQL, instead of only
  // breaking relevance ties; relevance searches send no sort, so for them the rule does nothing. Spelled out so that
  // a hand-tuned index is put back at every start.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  stopWords: [...SPANISH_STOP_WORDS],
  synonyms: meiliSynonyms(SEARCH_SYNONYMS),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: MIN_WORD_FOR_TYPO, twoTypos: MIN_WORD_FOR_TWO_TYPOS } },
  // Facets have at most ~60 values (UNSPSC segments); by count, so a cut would keep the largest.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
  // Page mode counts hits exactly only up to this number.
  pagination: { maxTotalHits: 100_000 },
};

/** A refusal from Meilisearch, with its error code (`invalid_search_filter`, `index_not_found`…) when it sent one. */
export class MeiliSearchError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MeiliSearchError';
  }
}

interface MeiliTask {
  uid: number;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  type?: string;
  error?: { message?: string; code?: string } | null;
}

interface MeiliSearchResponse {
  hits: { id: string }[];
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

/** One condition of a search; `facet` names the facet that choosing a value would replace it. */
interface Clause {
  expr: string;
  facet?: TenderFacet;
}

export function toMeiliDocument(doc: TenderSearchDocument): MeiliTenderDocument {
  if (!/^\d+$/.test(doc.estimatedValueCop))
    throw new Error(`Tender ${doc.id}: estimated value "${doc.estimatedValueCop}" is not whole COP`);
  // Meilisearch filters and sorts numbers as doubles: exact for whole pesos below 2^53 (9e15 COP), far above any tender.
  const estimatedValue = Number(doc.estimatedValueCop);
  if (!Number.isSafeInteger(estimatedValue)) throw new Error(`Tender ${doc.id}: estimated value ${doc.estimatedValueCop} is beyond 2^53`);
  return {
    ...doc,
    estimatedValue,
    closingAtMs: instantMs(doc.closingAt),
    publishedAtMs: doc.publishedAt === null ? null : instantMs(doc.publishedAt),
  };
}

/** Tender search on Meilisearch over its REST API (the `meilisearch` client is ESM-only; this backend is CommonJS). */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly url: string;
  private readonly apiKey: string | undefined;
  private readonly indexUid: string;
  private readonly fetcher: typeof fetch;
  private readonly taskTimeoutMs: number;
  private readonly pollIntervalMs: number;

  constructor(options: MeiliSearchEngineOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.indexUid = options.indexUid ?? 'tenders';
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
  }

  async prepare(): Promise<void> {
    const index = `/indexes/${encodeURIComponent(this.indexUid)}`;
    try {
      await this.call('GET', index);
    } catch (error) {
      if (!(error instanceof MeiliSearchError && error.code === 'index_not_found')) throw error;
      try {
        await this.runTask('POST', '/indexes', { uid: this.indexUid, primaryKey: 'id' });
      } catch (createError) {
        // Another instance starting at the same time created it first.
        if (!(createError instanceof MeiliSearchError && createError.code === 'index_already_exists')) throw createError;
      }
    }
    await this.runTask('PATCH', `${index}/settings`, MEILI_TENDER_SETTINGS);
  }

  async upsertTenders(documents: TenderSearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    // POST replaces whole documents, so a field a tender lost does not linger. Waiting for the task makes a
    // failure reach the caller, which then retries, instead of leaving the index silently behind the database.
    await this.runTask('POST', this.documentsPath(), documents.map(toMeiliDocument));
  }

  async removeTenders(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.runTask('POST', `${this.documentsPath()}/delete-batch`, ids);
  }

  async searchTenders(query: EngineQuery): Promise<EngineResult> {
    if (query.ids?.length === 0) return { ids: [], total: 0, facets: emptyFacets() };
    const { page, hitsPerPage, skip } = pageWindow(query.offset, query.limit);
    const clauses = meiliClauses(query);
    const words = hasWords(query.q);
    const base = { indexUid: this.indexUid, q: words ? query.q : '' };
    // Disjunctive counts: a facet whose own filter is set is counted without it, in a query of its own;
    // the others count under exactly the main query's filters, so the main query counts them.
    const own = query.facets ? TENDER_FACETS.filter((facet) => clauses.some((c) => c.facet === facet)) : [];
    const shared = query.facets ? TENDER_FACETS.filter((facet) => !own.includes(facet)) : [];
    const queries: object[] = [
      {
        ...base,
        filter: clauses.map((c) => c.expr),
        sort: meiliSort(query.sort, words),
        // Page mode, unlike offset/limit, gives an exact totalHits.
        page,
        hitsPerPage,
        attributesToRetrieve: ['id'],
        ...(shared.length > 0 && { facets: shared.map((facet) => MEILI_FACET_ATTRIBUTES[facet]) }),
      },
      ...own.map((facet) => ({
        ...base,
        filter: clauses.filter((c) => c.facet !== facet).map((c) => c.expr),
        limit: 0,
        facets: [MEILI_FACET_ATTRIBUTES[facet]],
      })),
    ];
    const { results } = await this.call<{ results: MeiliSearchResponse[] }>('POST', '/multi-search', { queries });
    const [main] = results;
    if (!main || results.length !== queries.length)
      throw new Error(`Meilisearch answered ${results.length} results to ${queries.length} queries`);
    const facets = emptyFacets();
    for (const facet of TENDER_FACETS) {
      const result = own.includes(facet) ? results[1 + own.indexOf(facet)] : shared.includes(facet) ? main : undefined;
      facets[facet] = facetCounts(result?.facetDistribution?.[MEILI_FACET_ATTRIBUTES[facet]]);
    }
    return { ids: main.hits.slice(skip, skip + query.limit).map((hit) => hit.id), total: main.totalHits ?? 0, facets };
  }

  private documentsPath(): string {
    return `/indexes/${encodeURIComponent(this.indexUid)}/documents`;
  }

  /** Sends a call that Meilisearch queues as a task, and waits until the task is done. */
  private async runTask(method: string, path: string, body?: unknown): Promise<void> {
    const { taskUid } = await this.call<{ taskUid: number }>(method, path, body);
    const deadline = Date.now() + this.taskTimeoutMs;
    for (let pause = this.pollIntervalMs; ; pause = Math.min(pause * 2, 1000)) {
      const task = await this.call<MeiliTask>('GET', `/tasks/${taskUid}`);
      if (task.status === 'succeeded') return;
      if (task.status === 'failed' || task.status === 'canceled')
        throw new MeiliSearchError(
          `Meilisearch task ${taskUid} (${task.type ?? method + ' ' + path}) ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`.trim(),
          task.error?.code,
        );
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`Meilisearch task ${taskUid} (${method} ${path}) was not done after ${this.taskTimeoutMs} ms; it may still run`);
      await sleep(Math.min(pause, left));
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.apiKey) headers['Authorization'] = `Bearer ${this.apiKey}`;
    const res = await this.fetcher(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = undefined; // A proxy's HTML error page: reported as text below.
    }
    if (!res.ok) {
      const error = (payload ?? {}) as { code?: string; message?: string };
      throw new MeiliSearchError(
        `Meilisearch ${method} ${path} answered ${res.status}${error.code ? ` ${error.code}` : ''}: ${error.message ?? text.slice(0, 300)}`,
        error.code,
        res.status,
      );
    }
    return payload as T;
  }
}

/** A filter value in double quotes; backslashes and quotes escaped so no value can change the expression. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function meiliClauses(query: EngineQuery): Clause[] {
  const clauses: Clause[] = [];
  const equals = (attribute: string, value: string | undefined, facet?: TenderFacet) => {
    if (value) clauses.push({ expr: `${attribute} = ${quoteFilterValue(value)}`, facet });
  };
  // Drafts are never indexed, so no status means every indexed tender.
  if (query.status === 'active') clauses.push({ expr: `status IN [${ACTIVE_STATUSES.map(quoteFilterValue).join(', ')}]`, facet: 'status' });
  else equals('status', query.status, 'status');
  equals('modality', query.modality, 'modality');
  equals('department', query.department, 'department');
  equals('municipality', query.municipality);
  // unspscCodes holds every level of a lot's class, so one equality serves segment, family and class;
  // choosing a segment value replaces it.
  equals('unspscCodes', query.unspsc, 'segment');
  equals('reserved', query.reserved, 'reserved');
  equals('productiveBet', query.productiveBet, 'productiveBet');
  if (query.budgetMin !== undefined) clauses.push({ expr: `estimatedValue >= ${wholeCop(query.budgetMin)}` });
  if (query.budgetMax !== undefined) clauses.push({ expr: `estimatedValue <= ${wholeCop(query.budgetMax)}` });
  if (query.closingAfter !== undefined) clauses.push({ expr: `closingAtMs >= ${instantMs(query.closingAfter)}` });
  if (query.closingBefore !== undefined) clauses.push({ expr: `closingAtMs <= ${instantMs(query.closingBefore)}` });
  if (query.ids !== undefined) clauses.push({ expr: `id IN [${query.ids.map(quoteFilterValue).join(', ')}]` });
  return clauses;
}

function meiliSort(sort: EngineQuery['sort'], words: boolean): string[] | undefined {
  switch (sort) {
    case 'relevance':
      return words ? undefined : ['closingAtMs:asc'];
    case 'closing':
      return ['closingAtMs:asc'];
    case 'budget':
      return ['estimatedValue:desc'];
    case 'published':
      return ['publishedAtMs:desc'];
  }
}

/** Meilisearch pages by number; callers page by offset, a multiple of the limit. Otherwise one page reaches the window's end. */
function pageWindow(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (!Number.isInteger(offset) || !Number.isInteger(limit) || offset < 0 || limit < 0)
    throw new Error(`Search window offset ${offset}, limit ${limit} is not two whole numbers ≥ 0`);
  if (limit === 0) return { page: 1, hitsPerPage: 0, skip: 0 };
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}

/** Words as both engines see them: without any, there is nothing to rank by. */
function hasWords(q: string | undefined): q is string {
  return q !== undefined && searchWords(q).length > 0;
}

function facetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort(byCount);
}

function wholeCop(value: string): string {
  if (!/^\d+$/.test(value)) throw new Error(`Budget bound "${value}" is not whole COP`);
  return value;
}

function instantMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not an instant`);
  return ms;
}
