import { SUGGESTION_MIN_LENGTH, type SearchSuggestion, type TenderSearchQuery, type TenderSearchResult } from '@eslabon/contracts';
import { bogotaInstant, endOfBogotaDay } from '@eslabon/domain';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../../core/http/domain-error';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { Tender } from '../tenders/tender.entities';
import { summaries } from '../tenders/tender-views';
import { EngineQuery, SEARCH_ENGINE, SearchEngine } from './search-engine';

const DEFAULT_PAGE_SIZE = 20;
const SUGGESTIONS = 5;

/** The engine's form of a search: pages as offset/limit, Colombian days as instants. */
export function engineQuery(query: TenderSearchQuery, facets: boolean): EngineQuery {
  const { closingFrom, closingTo, page = 1, pageSize = DEFAULT_PAGE_SIZE, sort, ...filters } = query;
  if (query.budgetMin && query.budgetMax && BigInt(query.budgetMin) > BigInt(query.budgetMax))
    throw DomainError.field('invalid', 'out_of_order', 'budgetMax', 'budgetMax must not be below budgetMin');
  if (closingFrom && closingTo && closingFrom > closingTo)
    throw DomainError.field('invalid', 'out_of_order', 'closingTo', 'closingTo must not be before closingFrom');
  return {
    ...filters,
    ...(closingFrom ? { closingAfter: bogotaInstant(closingFrom, '00:00').toISOString() } : {}),
    ...(closingTo ? { closingBefore: endOfBogotaDay(closingTo).toISOString() } : {}),
    sort: sort ?? 'relevance',
    offset: (page - 1) * pageSize,
    limit: pageSize,
    facets,
  };
}

@Injectable()
export class SearchService implements OnApplicationBootstrap {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  /** Before the API takes requests. */
  async onApplicationBootstrap(): Promise<void> {
    await this.engine.warmUp?.();
  }

  async searchTenders(query: TenderSearchQuery): Promise<TenderSearchResult> {
    const q = engineQuery(query, true);
    const found = await this.engine.searchTenders(q);
    const rows = await this.db.getRepository(Tender).findBy({ id: In(found.ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // In the engine's order; a tender deleted since it was indexed is left out.
    const ordered = found.ids.map((id) => byId.get(id)).filter((t): t is Tender => !!t);
    return {
      items: await summaries(this.db.manager, ordered),
      total: found.total,
      page: query.page ?? 1,
      pageSize: q.limit,
      facets: found.facets,
    };
  }

  /** Tender titles and UNSPSC names for what has been typed so far. */
  async suggestions(text: string): Promise<SearchSuggestion[]> {
    if (text.trim().length < SUGGESTION_MIN_LENGTH) return [];
    const [tenders, classes] = await Promise.all([
      this.engine.searchTenders(engineQuery({ q: text, pageSize: SUGGESTIONS }, false)),
      this.reference.search(text, SUGGESTIONS),
    ]);
    const rows = tenders.ids.length ? await this.db.getRepository(Tender).findBy({ id: In(tenders.ids) }) : [];
    const title = new Map(rows.map((r) => [r.id, r.title]));
    return [
      ...tenders.ids
        .filter((id) => title.has(id))
        .map((id): SearchSuggestion => ({ kind: 'tender', text: title.get(id) as string, value: id })),
      ...classes.map((c): SearchSuggestion => ({ kind: 'unspsc', text: `${c.code} ${c.name}`, value: c.code })),
    ];
  }
}
