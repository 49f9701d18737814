import { TENDER_FACETS } from '@eslabon/contracts';
import { MEILI_TENDER_SETTINGS, MeiliSearchEngine, MeiliSearchError, meiliSynonyms, toMeiliDocument } from './meili-search.engine';
import type { EngineQuery, TenderSearchDocument } from './search-engine';
import { MIN_WORD_FOR_TWO_TYPOS, MIN_WORD_FOR_TYPO, SEARCH_SYNONYMS, SPANISH_STOP_WORDS } from './search-vocabulary';

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

interface Answer {
  status?: number;
  body?: unknown;
  text?: string;
}

interface SearchBody {
  queries: Record<string, unknown>[];
}

/**
 * A Meilisearch stand-in: records every request; queued calls get task uids in order, tasks succeed at once,
 * the index exists and multi-search finds nothing, unless `route` answers first.
 */
function fakeMeili(route: (req: Sent) => Answer | undefined = () => undefined) {
  const sent: Sent[] = [];
  let nextTask = 0;
  const fetcher: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const req: Sent = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(req);
    const answer = route(req) ?? defaultAnswer(req);
    return new Response(answer.text ?? (answer.body === undefined ? null : JSON.stringify(answer.body)), { status: answer.status ?? 200 });
  };
  function defaultAnswer(req: Sent): Answer {
    if (req.method === 'GET' && req.path.startsWith('/tasks/')) return { body: { uid: Number(req.path.slice(7)), status: 'succeeded' } };
    if (req.method === 'GET') return { body: { uid: 'tenders', primaryKey: 'id' } };
    if (req.path === '/multi-search')
      return { body: { results: (req.body as SearchBody).queries.map(() => ({ hits: [], totalHits: 0, facetDistribution: {} })) } };
    return { status: 202, body: { taskUid: nextTask++, status: 'enqueued' } };
  }
  const searches = () => sent.filter((r) => r.path === '/multi-search').map((r) => (r.body as SearchBody).queries);
  return { sent, fetch: fetcher, searches, calls: () => sent.map((r) => `${r.method} ${r.path}`) };
}

/** The first task fails with this Meilisearch error. */
const firstTaskFails = (code: string, message: string, type?: string) => (req: Sent) =>
  req.path === '/tasks/0' ? { body: { uid: 0, status: 'failed', type, error: { code, message } } } : undefined;
const NO_INDEX: Answer = { status: 404, body: { code: 'index_not_found', message: 'Index `tenders` not found.' } };

function engine(fake: ReturnType<typeof fakeMeili>, options: { apiKey?: string; indexUid?: string; taskTimeoutMs?: number } = {}) {
  return new MeiliSearchEngine({ url: 'http://meili.test:7700/', fetch: fake.fetch, pollIntervalMs: 1, ...options });
}

/** A stand-in whose multi-search answers these results. */
const answering = (results: unknown[]) => fakeMeili((req) => (req.path === '/multi-search' ? { body: { results } } : undefined));
const NO_FACETS = Object.fromEntries(TENDER_FACETS.map((f) => [f, []]));

const query = (over: Partial<EngineQuery> = {}): EngineQuery => ({ sort: 'relevance', offset: 0, limit: 20, facets: false, ...over });

const DOC: TenderSearchDocument = {
  id: '6a1f0c52-0d1e-4b8e-9a57-3b2f4c5d6e7f',
  reference: 'LP-001-2025',
  title: 'Adquisición de computadores',
  description: 'Equipos para sedes educativas',
  buyerName: 'Alcaldía de Medellín',
  lotTitles: ['Portátiles'],
  unspscNames: ['Computadores'],
  unspscCodes: ['432115', '4321', '43'],
  segments: ['43'],
  modality: 'licitacion_publica',
  status: 'open',
  productiveBet: null,
  department: '05',
  municipality: '05001',
  estimatedValueCop: '1250000000',
  closingAt: '2025-03-01T05:00:00.000Z',
  publishedAt: null,
  reserved: ['mipymes'],
};

describe('meiliSynonyms', () => {
  it('maps every word of a group to the others, phrases included, merging groups that share a word', () => {
    expect(
      meiliSynonyms([
        ['aseo', 'limpieza'],
        ['vigilancia', 'seguridad privada'],
        ['aseo', 'higiene'],
      ]),
    ).toEqual({
      aseo: ['limpieza', 'higiene'],
      limpieza: ['aseo'],
      higiene: ['aseo'],
      vigilancia: ['seguridad privada'],
      'seguridad privada': ['vigilancia'],
    });
  });
});

describe('MeiliSearchEngine.prepare', () => {
  it('creates a missing index with primary key id, then sends the settings, waiting for each task', async () => {
    const fake = fakeMeili((req) => (req.method === 'GET' && req.path === '/indexes/tenders' ? NO_INDEX : undefined));
    await engine(fake).prepare();
    expect(fake.calls()).toEqual([
      'GET /indexes/tenders',
      'POST /indexes',
      'GET /tasks/0',
      'PATCH /indexes/tenders/settings',
      'GET /tasks/1',
    ]);
    expect(fake.sent[1]?.body).toEqual({ uid: 'tenders', primaryKey: 'id' });
  });

  it('only updates the settings of an existing index', async () => {
    const fake = fakeMeili();
    await engine(fake, { indexUid: 'tenders_x' }).prepare();
    expect(fake.calls()).toEqual(['GET /indexes/tenders_x', 'PATCH /indexes/tenders_x/settings', 'GET /tasks/0']);
    expect(fake.sent[1]?.body).toEqual(MEILI_TENDER_SETTINGS);
  });

  it('accepts an index that another instance created in between', async () => {
    const taskFails = firstTaskFails('index_already_exists', 'Index `tenders` already exists.');
    const fake = fakeMeili((req) => (req.method === 'GET' && req.path === '/indexes/tenders' ? NO_INDEX : taskFails(req)));
    await engine(fake).prepare();
    expect(fake.calls()).toContain('PATCH /indexes/tenders/settings');
  });

  it('sends the ranking, filter, sort, stop-word, synonym, typo, facet and pagination settings', async () => {
    const fake = fakeMeili();
    await engine(fake).prepare();
    const settings = fake.sent.find((r) => r.method === 'PATCH')?.body as typeof MEILI_TENDER_SETTINGS;
    expect(settings.searchableAttributes).toEqual(['title', 'lotTitles', 'unspscNames', 'reference', 'buyerName', 'description']);
    const filterable =
      'id status modality department municipality unspscCodes segments reserved productiveBet estimatedValue closingAtMs publishedAtMs';
    expect([...settings.filterableAttributes].sort()).toEqual(filterable.split(' ').sort());
    expect(settings.sortableAttributes).toEqual(['closingAtMs', 'estimatedValue', 'publishedAtMs']);
    expect(settings.rankingRules).toEqual(['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness']);
    expect(settings.stopWords).toEqual(
      expect.arrayContaining(['de', 'la', 'el', 'los', 'las', 'del', 'y', 'o', 'en', 'para', 'por', 'con']),
    );
    expect(settings.stopWords).toEqual(expect.arrayContaining(['segun', 'según', 'mas', 'más']));
    expect(settings.stopWords).toEqual([...SPANISH_STOP_WORDS]);
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: MIN_WORD_FOR_TYPO, twoTypos: MIN_WORD_FOR_TWO_TYPOS },
    });
    expect(settings.faceting.maxValuesPerFacet).toBe(100);
    expect(settings.pagination.maxTotalHits).toBeGreaterThanOrEqual(100_000);
    expect(settings.synonyms['ordenador']).toEqual(['computador', 'computadora', 'pc']);
    for (const group of SEARCH_SYNONYMS)
      for (const word of group) expect([...(settings.synonyms[word] ?? [])].sort()).toEqual(group.filter((w) => w !== word).sort());
  });

  it('has no stop word that is also a synonym or is written twice', () => {
    expect(new Set(SPANISH_STOP_WORDS).size).toBe(SPANISH_STOP_WORDS.length);
    expect(SEARCH_SYNONYMS.flat().filter((w) => SPANISH_STOP_WORDS.includes(w))).toEqual([]);
  });

  it.each([
    [{ apiKey: 'secret' }, 'Bearer secret'],
    [{}, undefined],
  ])('authenticates with %j', async (options, authorization) => {
    const fake = fakeMeili();
    await engine(fake, options).prepare();
    for (const req of fake.sent) expect(req.headers['Authorization']).toBe(authorization);
  });

  it('polls a task until it is done', async () => {
    const states = ['enqueued', 'processing', 'succeeded'];
    const fake = fakeMeili((req) => (req.path === '/tasks/0' ? { body: { uid: 0, status: states.shift() } } : undefined));
    await engine(fake).prepare();
    expect(fake.calls().filter((c) => c === 'GET /tasks/0')).toHaveLength(3);
  });

  it('throws the code and message of a failed task', async () => {
    const fake = fakeMeili(firstTaskFails('invalid_settings_typo_tolerance', '`minWordSizeForTypos` is invalid.', 'settingsUpdate'));
    const failure = engine(fake).prepare();
    await expect(failure).rejects.toThrow(
      /task 0 \(settingsUpdate\) failed: invalid_settings_typo_tolerance `minWordSizeForTypos` is invalid/,
    );
    await expect(failure).rejects.toMatchObject({ code: 'invalid_settings_typo_tolerance' });
  });

  it('gives up on a task that does not finish in time', async () => {
    const fake = fakeMeili((req) => (req.path.startsWith('/tasks/') ? { body: { uid: 0, status: 'processing' } } : undefined));
    await expect(engine(fake, { taskTimeoutMs: 20 }).prepare()).rejects.toThrow(/task 0 .* was not done after 20 ms/);
  });

  it.each([
    [
      { status: 401, body: { code: 'missing_authorization_header', message: 'The Authorization header is missing.' } },
      /answered 401 missing_authorization_header: The Authorization header is missing/,
      'missing_authorization_header',
    ],
    [{ status: 502, text: '<html>Bad Gateway</html>' }, /answered 502: <html>Bad Gateway/, undefined],
  ])('reports a refusal %#', async (answer, message, code) => {
    const fake = fakeMeili(() => answer);
    const failure = engine(fake).prepare();
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toBeInstanceOf(MeiliSearchError);
    await expect(failure).rejects.toMatchObject({ code, status: answer.status });
  });
});

describe('MeiliSearchEngine documents', () => {
  it('maps a tender to numbers and epoch milliseconds, keeping its other fields', () => {
    expect(toMeiliDocument(DOC)).toEqual({ ...DOC, estimatedValue: 1_250_000_000, closingAtMs: 1_740_805_200_000, publishedAtMs: null });
    expect(toMeiliDocument({ ...DOC, publishedAt: '2025-02-01T15:30:00.000Z' }).publishedAtMs).toBe(1_738_423_800_000);
  });

  it.each([['12.5'], ['1e9'], ['-3'], ['9007199254740993']])('refuses the estimated value %s', (value) => {
    expect(() => toMeiliDocument({ ...DOC, estimatedValueCop: value })).toThrow(/estimated value/);
  });

  it('refuses a closing instant that does not parse', () => {
    expect(() => toMeiliDocument({ ...DOC, closingAt: 'pronto' })).toThrow(/not an instant/);
  });

  it('adds documents and waits for the task', async () => {
    const fake = fakeMeili();
    await engine(fake).upsertTenders([DOC]);
    expect(fake.calls()).toEqual(['POST /indexes/tenders/documents', 'GET /tasks/0']);
    expect(fake.sent[0]?.body).toEqual([toMeiliDocument(DOC)]);
  });

  it('throws when the indexing task fails, so the caller retries', async () => {
    const fake = fakeMeili(firstTaskFails('invalid_document_id', 'bad id'));
    await expect(engine(fake).upsertTenders([DOC])).rejects.toThrow(/invalid_document_id bad id/);
  });

  it('removes documents by id', async () => {
    const fake = fakeMeili();
    const meili = engine(fake, { indexUid: 'licitaciones' });
    await meili.removeTenders(['a', 'b']);
    expect(fake.calls()).toEqual(['POST /indexes/licitaciones/documents/delete-batch', 'GET /tasks/0']);
    expect(fake.sent[0]?.body).toEqual(['a', 'b']);
  });

  it('sends nothing for empty batches', async () => {
    const fake = fakeMeili();
    await engine(fake).upsertTenders([]);
    await engine(fake).removeTenders([]);
    expect(fake.sent).toEqual([]);
  });
});

describe('MeiliSearchEngine.searchTenders', () => {
  async function mainQuery(q: EngineQuery) {
    const fake = fakeMeili();
    await engine(fake).searchTenders(q);
    const [queries] = fake.searches();
    return (queries ?? [])[0] ?? {};
  }

  it('asks the index for ids only', async () => {
    expect(await mainQuery(query({ q: 'computadores' }))).toEqual({
      indexUid: 'tenders',
      q: 'computadores',
      filter: [],
      page: 1,
      hitsPerPage: 20,
      attributesToRetrieve: ['id'],
    });
  });

  it.each<[Partial<EngineQuery>, string]>([
    [{ status: 'open' }, 'status = "open"'],
    [{ status: 'active' }, 'status IN ["published_draft", "open"]'],

    [{ modality: 'licitacion_publica' }, 'modality = "licitacion_publica"'],
    [{ department: '05' }, 'department = "05"'],
    [{ municipality: '05001' }, 'municipality = "05001"'],
    [{ unspsc: '4321' }, 'unspscCodes = "4321"'],
    [{ reserved: 'mipymes' }, 'reserved = "mipymes"'],
    [{ productiveBet: 'agroindustry' }, 'productiveBet = "agroindustry"'],
    [{ budgetMin: '1000000' }, 'estimatedValue >= 1000000'],
    [{ budgetMax: '250000000000' }, 'estimatedValue <= 250000000000'],
    [{ closingAfter: '2025-03-01T05:00:00.000Z' }, 'closingAtMs >= 1740805200000'],
    [{ closingBefore: '2025-03-02T04:59:59.999Z' }, 'closingAtMs <= 1740891599999'],
    [{ ids: ['a', 'b'] }, 'id IN ["a", "b"]'],
    [{ department: 'x" OR status = "draft' }, 'department = "x\\" OR status = \\"draft"'],
    [{ municipality: 'back\\slash"' }, 'municipality = "back\\\\slash\\""'],
  ])('filters %j as %s', async (over, filter) => {
    expect((await mainQuery(query(over)))['filter']).toEqual([filter]);
  });

  it('joins filters with AND and sets no status filter when none is asked', async () => {
    const filter = (await mainQuery(query({ department: '11', budgetMin: '5', budgetMax: '9' })))['filter'];
    expect(filter).toEqual(['department = "11"', 'estimatedValue >= 5', 'estimatedValue <= 9']);
  });

  it.each<[Partial<EngineQuery>, RegExp]>([
    [{ budgetMin: '1e6' }, /Budget bound "1e6"/],
    [{ budgetMax: '10.5' }, /Budget bound "10.5"/],
    [{ closingAfter: 'mañana' }, /not an instant/],
    [{ offset: -20 }, /offset -20/],
    [{ limit: 2.5 }, /limit 2.5/],
  ])('refuses %j', async (over, message) => {
    await expect(engine(fakeMeili()).searchTenders(query(over))).rejects.toThrow(message);
  });

  it.each<[Partial<EngineQuery>, string, string[] | undefined]>([
    [{ sort: 'relevance', q: 'portátiles' }, 'portátiles', undefined],
    [{ sort: 'relevance' }, '', ['closingAtMs:asc']],
    [{ sort: 'relevance', q: '  ¿? ' }, '', ['closingAtMs:asc']],
    [{ sort: 'closing', q: 'aseo' }, 'aseo', ['closingAtMs:asc']],
    [{ sort: 'budget' }, '', ['estimatedValue:desc']],
    [{ sort: 'published', q: 'aseo' }, 'aseo', ['publishedAtMs:desc']],
  ])('sorts %j with q %j by %j', async (over, q, sort) => {
    const main = await mainQuery(query(over));
    expect(main['q']).toBe(q);
    expect(main['sort']).toEqual(sort);
  });

  it.each([
    [0, 20, 1, 20],
    [40, 20, 3, 20],
    [990, 10, 100, 10],
    [0, 0, 1, 0],
    [5, 10, 1, 15],
  ])('turns offset %i, limit %i into page %i of %i', async (offset, limit, page, hitsPerPage) => {
    const main = await mainQuery(query({ offset, limit }));
    expect([main['page'], main['hitsPerPage']]).toEqual([page, hitsPerPage]);
  });

  it('returns the ids and exact total of the page', async () => {
    const fake = answering([{ hits: [{ id: 'c' }, { id: 'a' }], totalHits: 42, estimatedTotalHits: 1000 }]);
    const result = await engine(fake).searchTenders(query({ offset: 20, limit: 20 }));
    expect(result).toEqual({ ids: ['c', 'a'], total: 42, facets: NO_FACETS });
  });

  it('cuts the window out of a page that does not start on a page boundary', async () => {
    const hits = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id }));
    const fake = answering([{ hits, totalHits: 7 }]);
    expect((await engine(fake).searchTenders(query({ offset: 3, limit: 2 }))).ids).toEqual(['d', 'e']);
  });

  it('answers an empty id list without asking', async () => {
    const fake = fakeMeili();
    const result = await engine(fake).searchTenders(query({ ids: [], facets: true }));
    expect(fake.sent).toEqual([]);
    expect(result).toEqual({ ids: [], total: 0, facets: NO_FACETS });
  });

  it('asks for no facets when none are wanted', async () => {
    const fake = fakeMeili();
    await engine(fake).searchTenders(query({ status: 'open' }));
    const queries = fake.searches()[0] ?? [];
    expect(queries).toHaveLength(1);
    expect(queries[0]).not.toHaveProperty('facets');
  });

  it('counts facets without a filter of their own in the main query', async () => {
    const fake = fakeMeili();
    await engine(fake).searchTenders(query({ q: 'aseo', municipality: '05001', facets: true }));
    const queries = fake.searches()[0] ?? [];
    expect(queries).toHaveLength(1);
    expect(queries[0]?.['facets']).toEqual(['status', 'modality', 'department', 'segments', 'reserved', 'productiveBet']);
  });

  it.each<[Partial<EngineQuery>, string, string]>([
    [{ status: 'closed' }, 'status', 'status = "closed"'],
    [{ modality: 'concurso_de_meritos' }, 'modality', 'modality = "concurso_de_meritos"'],
    [{ department: '05' }, 'department', 'department = "05"'],
    [{ unspsc: '432115' }, 'segments', 'unspscCodes = "432115"'],
    [{ reserved: 'economia_popular' }, 'reserved', 'reserved = "economia_popular"'],
    [{ productiveBet: 'health' }, 'productiveBet', 'productiveBet = "health"'],
  ])('counts the facet of %j without its own filter, keeping the others', async (over, attribute, own) => {
    const fake = fakeMeili();
    const others = { q: 'equipos', municipality: '05001', budgetMin: '100', closingAfter: '2025-03-01T05:00:00.000Z' };
    await engine(fake).searchTenders(query({ ...others, ...over, facets: true }));
    const [main, facetQuery, ...rest] = fake.searches()[0] ?? [];
    const kept = ['municipality = "05001"', 'estimatedValue >= 100', 'closingAtMs >= 1740805200000'];
    expect(main?.['filter']).toEqual(expect.arrayContaining([own, ...kept]));
    expect(main?.['facets']).not.toContain(attribute);
    expect(facetQuery).toEqual({ indexUid: 'tenders', q: 'equipos', filter: kept, limit: 0, facets: [attribute] });
    expect(rest).toEqual([]);
  });

  it('reads every facet from the query that counted it, by count and then value', async () => {
    const fake = answering([
      {
        hits: [{ id: 't1' }],
        totalHits: 1,
        // status is not asked of this query, so it must not be read from it.
        facetDistribution: {
          modality: { licitacion_publica: 1 },
          segments: { '72': 1, '43': 1 },
          reserved: { mipymes: 1 },
          status: { open: 1 },
        },
      },
      { hits: [], totalHits: 0, facetDistribution: { status: { closed: 4, open: 1, awarded: 4 } } },
      { hits: [], totalHits: 0, facetDistribution: { department: { '11': 2, '05': 1, '76': 2 } } },
    ]);
    const result = await engine(fake).searchTenders(query({ status: 'open', department: '05', facets: true }));
    expect(fake.searches()[0]?.map((q) => q['facets'])).toEqual([
      ['modality', 'segments', 'reserved', 'productiveBet'],
      ['status'],
      ['department'],
    ]);
    expect([result.ids, result.total]).toEqual([['t1'], 1]);
    const counts = Object.fromEntries(TENDER_FACETS.map((f) => [f, result.facets[f].map(({ value, count }) => `${value}:${count}`)]));
    expect(counts).toEqual({
      status: ['awarded:4', 'closed:4', 'open:1'],
      modality: ['licitacion_publica:1'],
      department: ['11:2', '76:2', '05:1'],
      segment: ['43:1', '72:1'],
      reserved: ['mipymes:1'],
      productiveBet: [],
    });
  });

  it('refuses an answer with fewer results than queries', async () => {
    const fake = answering([{ hits: [], totalHits: 0 }]);
    await expect(engine(fake).searchTenders(query({ status: 'open', facets: true }))).rejects.toThrow(/1 results to 2 queries/);
  });

  it('reports a refused search with its code', async () => {
    const fake = fakeMeili(() => ({ status: 400, body: { code: 'invalid_search_filter', message: 'Attribute `x` is not filterable.' } }));
    await expect(engine(fake).searchTenders(query())).rejects.toMatchObject({
      code: 'invalid_search_filter',
      message: expect.stringMatching(/POST \/multi-search answered 400 invalid_search_filter/),
    });
  });
});
