import { DataSource } from 'typeorm';
import { EngineQuery, EngineResult, SearchEngine, TenderSearchDocument, emptyFacets } from './search-engine';
import { searchWords } from './search-text';
import { TenderColumns, type TextMatches } from './tender-columns';
import { MIN_WORD_FOR_TWO_TYPOS, MIN_WORD_FOR_TYPO, SEARCH_SYNONYMS, SPANISH_STOP_WORDS } from './search-vocabulary';

/** The words of a search as tsquery text: stemmed Spanish terms, and a stop word still being typed. */
interface SearchText {
  stemmed: string;
  typing: string;
}

/** Typo candidates per word: enough for a misspelling, few enough to keep the query selective. */
const TYPO_CANDIDATES = 5;

/** The filters of a search besides its words. */
const FILTER_KEYS = [
  'unspsc',
  'department',
  'municipality',
  'modality',
  'status',
  'budgetMin',
  'budgetMax',
  'closingAfter',
  'closingBefore',
  'reserved',
  'productiveBet',
  'ids',
] as const satisfies readonly (keyof EngineQuery)[];

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

  private readonly columns: TenderColumns;

  constructor(private readonly db: DataSource) {
    this.columns = new TenderColumns(db);
  }

  async prepare(): Promise<void> {
    // The tables and the text search configuration come with the migrations.
  }

  warmUp(): Promise<void> {
    return this.columns.refresh();
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

  /**
   * Words are matched by PostgreSQL's text index; filters, facets, the total and the page come from the
   * in-memory columns (tender-columns.ts). Suggestions (words only, no facets) are ranked in SQL, which
   * returns just the page.
   */
  async searchTenders(query: EngineQuery): Promise<EngineResult> {
    const tsquery = await this.tsquery(query.q ?? '');
    const sort = query.sort === 'relevance' && !tsquery ? 'closing' : query.sort;
    const params = tsquery ? [tsquery.stemmed, tsquery.typing] : [];
    const tsq = `(SELECT to_tsquery('es_unaccent', $1) && to_tsquery('simple', $2) AS q) tsq`;
    if (tsquery && !query.facets && FILTER_KEYS.every((key) => query[key] === undefined)) {
      // Only stop words leave no condition rather than matching nothing.
      const rows: { tender_id: string }[] = await this.db.query(
        `SELECT d.tender_id FROM tender_search_documents d CROSS JOIN ${tsq} WHERE numnode(tsq.q) = 0 OR d.document @@ tsq.q
          ORDER BY ${SORTS[sort]} LIMIT $3 OFFSET $4`,
        [...params, query.limit, query.offset],
      );
      return { ids: rows.map((r) => r.tender_id), total: query.offset + rows.length, facets: emptyFacets() };
    }
    const [matches] = await Promise.all([
      tsquery
        ? (this.db.query(
            `SELECT NULL::int AS n, NULL::real AS rank, numnode(tsq.q) = 0 AS empty FROM ${tsq}
             UNION ALL
             SELECT d.search_no, ${sort === 'relevance' ? 'ts_rank_cd(d.document, tsq.q)' : 'NULL::real'}, false
               FROM tender_search_documents d CROSS JOIN ${tsq} WHERE d.document @@ tsq.q
               ${query.ids ? 'AND d.tender_id = ANY($3::uuid[])' : ''}`,
            query.ids ? [...params, query.ids] : params,
          ) as Promise<{ n: number | null; rank: number | null; empty: boolean }[]>)
        : undefined,
      this.columns.refresh(),
    ]);
    let text: TextMatches | undefined;
    if (matches && !matches.some((m) => m.empty)) {
      const found = matches.filter((m) => m.n !== null);
      text = { numbers: found.map((m) => m.n as number), ranks: sort === 'relevance' ? found.map((m) => m.rank as number) : undefined };
    }
    return this.columns.search(query, sort, text);
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
