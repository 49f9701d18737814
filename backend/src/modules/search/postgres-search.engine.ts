import type { FacetCount, TenderFacet } from '@eslabon/contracts';
import { ACTIVE_STATUSES, TENDER_FACETS } from '@eslabon/contracts';
import { DataSource } from 'typeorm';
import { EngineQuery, EngineResult, SearchEngine, TenderSearchDocument } from './search-engine';
import { searchWords } from './search-text';
import { MIN_WORD_FOR_TWO_TYPOS, MIN_WORD_FOR_TYPO, SEARCH_SYNONYMS, SPANISH_STOP_WORDS } from './search-vocabulary';

/** The words of a search as tsquery text: stemmed Spanish terms, and a stop word still being typed. */
interface SearchText {
  stemmed: string;
  typing: string;
}

/** Typo candidates per word: enough for a misspelling, few enough to keep the query selective. */
const TYPO_CANDIDATES = 5;

type Filter = keyof Pick<
  EngineQuery,
  | 'unspsc'
  | 'department'
  | 'municipality'
  | 'modality'
  | 'status'
  | 'budgetMin'
  | 'budgetMax'
  | 'closingAfter'
  | 'closingBefore'
  | 'reserved'
  | 'productiveBet'
  | 'ids'
>;

/** Each filter as SQL over tender_search_documents `d`; `p` is the placeholder of its value. */
const FILTERS: Record<Filter, (p: string) => string> = {
  unspsc: (p) => `d.unspsc_codes @> ARRAY[${p}::text]`,
  department: (p) => `d.department = ${p}`,
  municipality: (p) => `d.municipality = ${p}`,
  modality: (p) => `d.modality = ${p}`,
  status: (p) => `(d.status = ${p} OR (${p} = 'active' AND d.status IN (${ACTIVE_STATUSES.map((x) => `'${x}'`).join(', ')})))`,
  budgetMin: (p) => `d.estimated_value_cop >= ${p}::numeric`,
  budgetMax: (p) => `d.estimated_value_cop <= ${p}::numeric`,
  closingAfter: (p) => `d.closing_at >= ${p}::timestamptz`,
  closingBefore: (p) => `d.closing_at <= ${p}::timestamptz`,
  reserved: (p) => `d.reserved @> ARRAY[${p}::text]`,
  productiveBet: (p) => `d.productive_bet = ${p}`,
  ids: (p) => `d.tender_id = ANY(${p}::uuid[])`,
};

/** A facet's values, and the filter that choosing one of them sets. */
const FACETS: Record<TenderFacet, { value: string; from?: string; filter: Filter }> = {
  status: { value: 'd.status', filter: 'status' },
  modality: { value: 'd.modality', filter: 'modality' },
  department: { value: 'd.department', filter: 'department' },
  segment: { value: 'v', from: 'CROSS JOIN LATERAL unnest(d.segments) v', filter: 'unspsc' },
  reserved: { value: 'v', from: 'CROSS JOIN LATERAL unnest(d.reserved) v', filter: 'reserved' },
  productiveBet: { value: 'd.productive_bet', filter: 'productiveBet' },
};

/** Facets over columns no tender leaves empty. */
const TOTAL_FACETS: TenderFacet[] = ['status', 'modality', 'department'];

const emptyFacets = () => Object.fromEntries(TENDER_FACETS.map((f) => [f, [] as FacetCount[]])) as Record<TenderFacet, FacetCount[]>;

const SORTS = {
  relevance: `ts_rank_cd(d.document, tsq.q) DESC, d.closing_at, d.tender_id`,
  closing: `d.closing_at, d.tender_id`,
  budget: `d.estimated_value_cop DESC, d.tender_id`,
  published: `d.published_at DESC NULLS LAST, d.tender_id`,
} as const;

/** Title weighs most, then what is bought (lots, classes), then buyer and reference, then the description. */
const DOCUMENT = `setweight(to_tsvector('es_unaccent', x.a), 'A') || setweight(to_tsvector('es_unaccent', x.b), 'B')
  || setweight(to_tsvector('es_unaccent', x.c), 'C') || setweight(to_tsvector('es_unaccent', x.d), 'D')`;

/** Singular forms a Spanish plural may come from: "ordenadores" → "ordenador", "equipos" → "equipo". */
const singulars = (word: string): string[] => [
  word,
  ...(word.endsWith('es') ? [word.slice(0, -2)] : []),
  ...(word.endsWith('s') ? [word.slice(0, -1)] : []),
];

const synonymsOf = (word: string): string[] => {
  const forms = singulars(word);
  return SEARCH_SYNONYMS.filter((group) => group.some((w) => forms.includes(w))).flatMap((group) =>
    group.filter((w) => !forms.includes(w)),
  );
};

/** A tsquery term; words are [a-z0-9] only (searchWords), so nothing needs quoting. */
const term = (word: string, prefix: boolean) => `${word}${prefix ? ':*' : ''}`;

/**
 * The built-in engine: PostgreSQL full-text search with the `es_unaccent` configuration (Spanish stems
 * of unaccented words, migration 1764900000000), prefix matching, synonyms, and one forgiven typo per
 * word of 5+ letters, found among the indexed words by trigram similarity and confirmed by edit distance.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';

  constructor(private readonly db: DataSource) {}

  async prepare(): Promise<void> {
    // The tables and the text search configuration come with the migrations.
  }

  /** One statement per batch, so a reindex of 200 000 tenders is a few hundred round trips. */
  async upsertTenders(documents: TenderSearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({
      id: d.id,
      a: d.title,
      b: [...d.lotTitles, ...d.unspscNames].join(' . '),
      c: `${d.buyerName} ${d.reference}`,
      d: d.description,
      status: d.status,
      modality: d.modality,
      productive_bet: d.productiveBet,
      department: d.department,
      municipality: d.municipality,
      estimated_value_cop: d.estimatedValueCop,
      closing_at: d.closingAt,
      published_at: d.publishedAt,
      unspsc_codes: d.unspscCodes,
      segments: d.segments,
      reserved: d.reserved,
    }));
    const array = (field: string) => `ARRAY(SELECT jsonb_array_elements_text(x.${field}))`;
    await this.db.query(
      `INSERT INTO tender_search_documents (tender_id, document, status, modality, productive_bet, department, municipality,
         estimated_value_cop, closing_at, published_at, unspsc_codes, segments, reserved)
       SELECT x.id, ${DOCUMENT}, x.status, x.modality, x.productive_bet, x.department, x.municipality, x.estimated_value_cop::numeric,
              x.closing_at, x.published_at, ${array('unspsc_codes')}, ${array('segments')}, ${array('reserved')}
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, a text, b text, c text, d text, status text, modality text, productive_bet text,
              department text, municipality text, estimated_value_cop text, closing_at timestamptz, published_at timestamptz,
              unspsc_codes jsonb, segments jsonb, reserved jsonb)
       ON CONFLICT (tender_id) DO UPDATE SET document = EXCLUDED.document, status = EXCLUDED.status, modality = EXCLUDED.modality,
         productive_bet = EXCLUDED.productive_bet, department = EXCLUDED.department, municipality = EXCLUDED.municipality,
         estimated_value_cop = EXCLUDED.estimated_value_cop, closing_at = EXCLUDED.closing_at, published_at = EXCLUDED.published_at,
         unspsc_codes = EXCLUDED.unspsc_codes, segments = EXCLUDED.segments, reserved = EXCLUDED.reserved`,
      [JSON.stringify(rows)],
    );
    const terms = new Set(
      documents.flatMap((d) =>
        searchWords([d.title, d.description, d.buyerName, ...d.lotTitles, ...d.unspscNames].join(' ')).filter(
          (w) => w.length >= MIN_WORD_FOR_TYPO && !/^\d+$/.test(w),
        ),
      ),
    );
    if (terms.size > 0)
      await this.db.query(`INSERT INTO search_terms (term) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`, [[...terms]]);
  }

  async removeTenders(ids: string[]): Promise<void> {
    await this.db.query(`DELETE FROM tender_search_documents WHERE tender_id = ANY($1::uuid[])`, [ids]);
  }

  async searchTenders(query: EngineQuery): Promise<EngineResult> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const tsquery = await this.tsquery(query.q ?? '');
    // Words the dictionary drops entirely (only stop words) leave no condition rather than matching nothing.
    const text = tsquery ? `(numnode(tsq.q) = 0 OR d.document @@ tsq.q)` : 'true';
    const tsqFrom = `CROSS JOIN (SELECT to_tsquery('es_unaccent', ${param(tsquery?.stemmed ?? '')}) && to_tsquery('simple', ${param(
      tsquery?.typing ?? '',
    )}) AS q) tsq`;
    const filters = new Map<Filter, string>();
    for (const key of Object.keys(FILTERS) as Filter[]) {
      const value = query[key];
      if (value !== undefined && value !== null) filters.set(key, FILTERS[key](param(value)));
    }
    const where = (except?: Filter) => [text, ...[...filters].filter(([k]) => k !== except).map(([, sql]) => sql)].join(' AND ');
    const sort = SORTS[query.sort === 'relevance' && !tsquery ? 'closing' : query.sort];
    const counted = params.length;
    // Without a window count the page can stop after `limit` rows of an index in the sort's order.
    const page: Promise<{ tender_id: string }[]> = this.db.query(
      `SELECT d.tender_id FROM tender_search_documents d ${tsqFrom}
        WHERE ${where()} ORDER BY ${sort} LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
      params,
    );
    if (!query.facets) {
      const ids = (await page).map((r) => r.tender_id);
      return { ids, total: query.offset + ids.length, facets: emptyFacets() };
    }
    const countParams = params.slice(0, counted);
    // Each facet counts with every other filter kept and its own left out: a value's count is what choosing it returns.
    const parts = TENDER_FACETS.map((f) => {
      const { value, from = '', filter } = FACETS[f];
      return `SELECT '${f}' AS facet, ${value} AS value, count(*)::int AS count FROM tender_search_documents d ${tsqFrom} ${from}
               WHERE ${where(filter)} AND ${value} IS NOT NULL GROUP BY ${value}`;
    });
    // A facet over a column every tender has, whose own filter is unset, sums to the total: no separate count.
    const summed = TOTAL_FACETS.find((f) => !filters.has(FACETS[f].filter));
    const [rows, ids, counts] = await Promise.all([
      this.db.query(`${parts.join(' UNION ALL ')} ORDER BY facet, count DESC, value`, countParams) as Promise<
        { facet: TenderFacet; value: string; count: number }[]
      >,
      page,
      summed
        ? undefined
        : (this.db.query(`SELECT count(*)::int AS n FROM tender_search_documents d ${tsqFrom} WHERE ${where()}`, countParams) as Promise<
            { n: number }[]
          >),
    ]);
    const facets = emptyFacets();
    for (const r of rows) facets[r.facet].push({ value: r.value, count: r.count });
    const total = summed ? facets[summed].reduce((sum, c) => sum + c.count, 0) : (counts as { n: number }[])[0].n;
    return { ids: ids.map((r) => r.tender_id), total, facets };
  }

  /**
   * Every word must match, as a prefix, a synonym, or — for words of 5+ letters that are not themselves
   * indexed words — an indexed word one edit away (two from 9 letters) or with two neighbouring letters
   * swapped. A lone stop word ("con", "su") is the start of a word being typed: it matches as a bare prefix.
   */
  private async tsquery(q: string): Promise<SearchText | null> {
    const words = [...new Set(searchWords(q))].slice(0, 12);
    if (words.length === 0) return null;
    const typing = words.length === 1 && SPANISH_STOP_WORDS.includes(words[0]) ? `${words[0]}:*` : '';
    const stemmed = typing ? [] : words;
    const typos = await this.typos(stemmed.filter((w) => w.length >= MIN_WORD_FOR_TYPO && !/^\d+$/.test(w)));
    const query = stemmed
      .map((w) => {
        const alternatives = [term(w, true), ...synonymsOf(w).map((s) => term(s, false)), ...(typos.get(w) ?? [])];
        // Unaccented "-cion" is not stemmed like "-ción"; its plural "-ciones" is, to the stem of the text.
        if (/[cs]ion$/.test(w)) alternatives.push(`${w}es`);
        return `(${alternatives.join(' | ')})`;
      })
      .join(' & ');
    return { stemmed: query, typing };
  }

  /** Indexed words each misspelt word may stand for. */
  private async typos(words: string[]): Promise<Map<string, string[]>> {
    const typos = new Map<string, string[]>();
    if (words.length === 0) return typos;
    const swaps = new Map(words.flatMap((w) => swapsOf(w).map((swap): [string, string] => [swap, w])));
    const known: { term: string }[] = await this.db.query(`SELECT term FROM search_terms WHERE term = ANY($1::text[])`, [
      [...words, ...swaps.keys()],
    ]);
    const exact = new Set(known.map((k) => k.term).filter((t) => words.includes(t)));
    const add = (word: string, found: string) => typos.set(word, [...(typos.get(word) ?? []), found]);
    for (const { term: found } of known)
      if (swaps.has(found) && !exact.has(swaps.get(found) as string)) add(swaps.get(found) as string, found);
    const unknown = words.filter((w) => !exact.has(w));
    if (unknown.length === 0) return typos;
    const rows: { word: string; term: string }[] = await this.db.query(
      `SELECT w.word, t.term FROM unnest($1::text[]) w(word)
         CROSS JOIN LATERAL (SELECT s.term FROM search_terms s WHERE s.term % w.word
           AND levenshtein(s.term, w.word) <= CASE WHEN length(w.word) >= ${MIN_WORD_FOR_TWO_TYPOS} THEN 2 ELSE 1 END
           ORDER BY similarity(s.term, w.word) DESC LIMIT ${TYPO_CANDIDATES}) t`,
      [unknown],
    );
    for (const r of rows) add(r.word, r.term);
    return typos;
  }
}

/** The word with each pair of neighbouring letters swapped: the typo an edit distance counts twice. */
function swapsOf(word: string): string[] {
  const swaps = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) swaps.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...swaps];
}
