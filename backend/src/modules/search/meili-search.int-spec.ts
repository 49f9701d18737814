import { randomUUID } from 'node:crypto';
import { TENDER_FACETS, type TenderFacet } from '@eslabon/contracts';
import { MeiliSearchEngine } from './meili-search.engine';
import type { EngineQuery, TenderSearchDocument } from './search-engine';

// Runs only against a real Meilisearch: MEILI_URL=http://127.0.0.1:7700 MEILI_API_KEY=… npm run test:jest -- backend/src/modules/search/meili
const meiliUrl = process.env['MEILI_URL'];
const apiKey = process.env['MEILI_API_KEY'] ?? process.env['MEILI_MASTER_KEY'];
const describeMeili = meiliUrl ? describe : describe.skip;

function tender(over: Partial<TenderSearchDocument> & Pick<TenderSearchDocument, 'title'>): TenderSearchDocument {
  return {
    id: randomUUID(),
    reference: `LP-${randomUUID().slice(0, 8)}`,
    description: '',
    buyerName: 'Alcaldía de Prueba',
    lotTitles: [],
    unspscNames: [],
    unspscCodes: ['432115', '4321', '43'],
    segments: ['43'],
    modality: 'licitacion_publica',
    status: 'open',
    productiveBet: null,
    department: '05',
    municipality: null,
    estimatedValueCop: '100000000',
    closingAt: '2025-03-01T05:00:00.000Z',
    publishedAt: '2025-01-15T15:00:00.000Z',
    reserved: [],
    ...over,
  };
}

const computers = tender({
  title: 'Adquisición de computadores',
  description: 'Equipos para sedes escolares',
  reserved: ['mipymes'],
  estimatedValueCop: '1250000000',
});
const desktop = tender({
  title: 'Suministro de un computador de escritorio',
  department: '11',
  modality: 'seleccion_abreviada_menor_cuantia',
  productiveBet: 'health',
  estimatedValueCop: '80000000',
  closingAt: '2025-04-01T05:00:00.000Z',
});
const cleaning = tender({
  title: 'Servicio de aseo y limpieza de sedes',
  status: 'closed',
  modality: 'seleccion_abreviada_menor_cuantia',
  unspscCodes: ['761115', '7611', '76'],
  segments: ['76'],
  reserved: ['mipymes', 'economia_popular'],
  productiveBet: 'territories',
  estimatedValueCop: '300000000',
  closingAt: '2025-02-01T05:00:00.000Z',
});
const guards = tender({
  title: 'Vigilancia de la sede principal',
  lotTitles: ['Vigilancia de sedes escolares'],
  department: '76',
  unspscCodes: ['921215', '9212', '92'],
  segments: ['92'],
  estimatedValueCop: '500000000',
  closingAt: '2025-05-01T05:00:00.000Z',
  publishedAt: null,
});

/** What choosing a facet value sets in the query. */
const CHOOSE: Record<TenderFacet, (value: string) => Partial<EngineQuery>> = {
  status: (value) => ({ status: value as EngineQuery['status'] }),
  modality: (value) => ({ modality: value as EngineQuery['modality'] }),
  department: (department) => ({ department }),
  segment: (unspsc) => ({ unspsc }),
  reserved: (value) => ({ reserved: value as EngineQuery['reserved'] }),
  productiveBet: (value) => ({ productiveBet: value as EngineQuery['productiveBet'] }),
};

describeMeili('MeiliSearchEngine against MEILI_URL', () => {
  const indexUid = `tenders_test_${randomUUID().replace(/-/g, '')}`;
  const engine = new MeiliSearchEngine({ url: meiliUrl ?? '', apiKey, indexUid });
  const search = (over: Partial<EngineQuery> = {}) =>
    engine.searchTenders({ sort: 'relevance', offset: 0, limit: 20, facets: false, ...over });

  beforeAll(async () => {
    await engine.prepare();
    await engine.prepare(); // Safe at every start.
    await engine.upsertTenders([computers, desktop, cleaning, guards]);
  });

  afterAll(async () => {
    await fetch(`${(meiliUrl ?? '').replace(/\/+$/, '')}/indexes/${indexUid}`, {
      method: 'DELETE',
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    });
  });

  it('forgives a typo and accents', async () => {
    expect((await search({ q: 'computadres' })).ids).toContain(computers.id);
    expect((await search({ q: 'ADQUISICION' })).ids).toEqual([computers.id]);
  });

  it('finds a synonym', async () => {
    expect((await search({ q: 'ordenador' })).ids).toContain(desktop.id);
  });

  it('ranks by where the words are, unless a sort is chosen', async () => {
    expect((await search({ q: 'escolares' })).ids).toEqual([guards.id, computers.id]);
    expect((await search({ q: 'escolares', sort: 'closing' })).ids).toEqual([computers.id, guards.id]);
  });

  it('filters, sorts and pages with an exact total', async () => {
    expect(await search({ budgetMin: '300000000', sort: 'budget' })).toMatchObject({
      ids: [computers.id, guards.id, cleaning.id],
      total: 3,
    });
    expect(await search({ budgetMin: '300000000', sort: 'budget', offset: 1, limit: 1 })).toMatchObject({ ids: [guards.id], total: 3 });
    expect(
      (await search({ closingAfter: '2025-03-01T05:00:00.000Z', closingBefore: '2025-04-01T05:00:00.000Z', sort: 'closing' })).ids,
    ).toEqual([computers.id, desktop.id]);
    expect((await search({ unspsc: '7611' })).ids).toEqual([cleaning.id]);
    expect((await search({ reserved: 'economia_popular' })).ids).toEqual([cleaning.id]);
    expect((await search({ ids: [cleaning.id, desktop.id], department: '11' })).ids).toEqual([desktop.id]);
    expect((await search({ sort: 'published' })).ids.at(-1)).toBe(guards.id);
  });

  it.each<[string, Partial<EngineQuery>]>([
    ['nothing', {}],
    ['a department', { department: '05' }],
    ['a status and a modality', { status: 'open', modality: 'licitacion_publica' }],
    ['words and a segment', { q: 'computador', unspsc: '43' }],
  ])('counts each facet value as the search with that value chosen, given %s', async (_, base) => {
    const { facets, total } = await search({ ...base, facets: true });
    expect(total).toBeGreaterThan(0);
    for (const facet of TENDER_FACETS)
      for (const { value, count } of facets[facet])
        expect([facet, value, (await search({ ...base, ...CHOOSE[facet](value) })).total]).toEqual([facet, value, count]);
    expect(facets.department.map((d) => d.value)).toEqual(expect.arrayContaining(base.department ? ['05', '11', '76'] : []));
  });

  it('removes', async () => {
    await engine.removeTenders([desktop.id]);
    expect((await search({ q: 'escritorio' })).total).toBe(0);
  });
});
