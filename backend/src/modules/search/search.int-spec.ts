import type { TenderFacet, TenderInput, TenderSearchResult, TenderView } from '@eslabon/contracts';
import { TENDER_FACETS } from '@eslabon/contracts';
import { DataSource } from 'typeorm';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, signedIn, tenderInput } from '../../testing';
import { SEARCH_ENGINE, SearchEngine } from './search-engine';
import { reindexTenders, syncTenders } from './search-indexer';

describe('tender search on PostgreSQL', () => {
  let stack: TestStack;
  let db: DataSource;
  let engine: SearchEngine;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let visitor: Browser;
  let base: TenderInput;
  const ids: Record<string, string> = {};

  const publish = async (key: string, change: (input: TenderInput) => TenderInput, transition = 'publish_draft'): Promise<TenderView> => {
    const created: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, change(base)).expect(201)).body;
    ids[key] = created.id;
    if (!transition) return created;
    return (await asBuyer.post(`/api/v1/tenders/${created.id}/transitions`, { transition }).expect(200)).body;
  };
  const lot = (title: string, unspsc: string, value: string, reserved = false) => ({
    ...base.lots[1],
    title,
    unspscClasses: [unspsc],
    estimatedValueCop: value,
    reservedForMipymes: reserved,
  });
  const search = async (query: Record<string, string>): Promise<TenderSearchResult> =>
    (await visitor.get(`/api/v1/public/tenders?${new URLSearchParams(query)}`).expect(200)).body;
  const found = async (query: Record<string, string>): Promise<string[]> => (await search(query)).items.map((t) => t.id);

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    engine = stack.api.get(SEARCH_ENGINE);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    visitor = new Browser(stack.api);
    base = await tenderInput(stack.api);
    await publish('computers', (i) => ({
      ...i,
      title: 'Adquisición de computadores portátiles',
      description: 'Equipos para las sedes educativas rurales.',
      executionDepartment: '05',
      executionMunicipality: '05001',
      estimatedValueCop: '90000000',
      lots: [lot('Portátiles de 14 pulgadas', '432115', '90000000', true)],
    }));
    await publish('boots', (i) => ({
      ...i,
      title: 'Suministro de calzado de seguridad',
      executionMunicipality: null,
      estimatedValueCop: '80000000',
      lots: [lot('Botas con puntera de acero', '461816', '80000000')],
    }));
    await publish('uniforms', (i) => i);
    await publish('draft', (i) => ({ ...i, title: 'Computadores en borrador' }), '');
    await syncTenders(db.manager, engine, Object.values(ids));
  });
  afterAll(() => stack.close());

  it.each([
    ['accents and a typo', 'adquisicion de computadres'],
    ['capitals and accents', 'ADQUISICIÓN COMPUTADORES'],
    ['a prefix while typing', 'comput'],
    ['a synonym', 'ordenadores'],
    ['a word of a lot', 'pulgadas'],
    ['the UNSPSC class name', 'computadores'],
    ['two letters swapped', 'compuatdores'],
  ])('finds "Adquisición de computadores" by %s', async (_case, q) => {
    expect(await found({ q })).toEqual([ids['computers']]);
  });

  it('forgives no typo in short words and needs every word', async () => {
    expect(await found({ q: 'computadores botas' })).toEqual([]);
    // Both share the description of the base terms: "Uniformes y botas para … la red vial".
    const both = [ids['boots'], ids['uniforms']].sort();
    expect((await found({ q: 'unifornes' })).sort()).toEqual(both);
    expect((await found({ q: 'vial' })).sort()).toEqual(both);
    expect(await found({ q: 'viel' })).toEqual([]);
  });

  it('reads a lone stop word as the start of a word being typed, and drops stop words among others', async () => {
    expect(await found({ q: 'su' })).toContain(ids['boots']);
    expect(await found({ q: 'computadores de' })).toEqual([ids['computers']]);
    expect((await search({ q: 'de la' })).total).toBe(3);
  });

  it('never shows drafts', async () => {
    expect(await found({ q: 'borrador' })).toEqual([]);
    expect((await search({})).total).toBe(3);
  });

  it('filters by class, family or segment, place, budget, reservation and closing date', async () => {
    expect(await found({ unspsc: '432115' })).toEqual([ids['computers']]);
    expect(await found({ unspsc: '4321' })).toEqual([ids['computers']]);
    expect(await found({ unspsc: '53' })).toEqual([ids['uniforms']]);
    expect((await found({ department: '15' })).sort()).toEqual([ids['boots'], ids['uniforms']].sort());
    expect(await found({ municipality: '05001' })).toEqual([ids['computers']]);
    // No tender is in Cali, not even those that name no municipality.
    expect((await search({ municipality: '76001' })).total).toBe(0);
    expect(await found({ budgetMin: '85000000', budgetMax: '100000000' })).toEqual([ids['computers']]);
    expect((await found({ reserved: 'mipymes' })).sort()).toEqual([ids['computers'], ids['uniforms']].sort());
    expect((await search({ closingFrom: base.schedule.closing, closingTo: base.schedule.closing })).total).toBe(3);
    expect((await search({ closingTo: '2020-01-01' })).total).toBe(0);
    expect((await search({ status: 'active' })).total).toBe(3);
    expect((await search({ status: 'open' })).total).toBe(0);
  });

  it('counts each facet value as what choosing it returns, keeping the other filters', async () => {
    const param: Record<TenderFacet, string> = {
      status: 'status',
      modality: 'modality',
      department: 'department',
      segment: 'unspsc',
      reserved: 'reserved',
      productiveBet: 'productiveBet',
    };
    const cases: Record<string, string>[] = [{}, { q: 'suministro' }, { department: '15' }, { reserved: 'mipymes' }];
    for (const filters of cases) {
      const result = await search(filters);
      for (const facet of TENDER_FACETS) {
        for (const { value, count } of result.facets[facet]) {
          expect([facet, value, (await search({ ...filters, [param[facet]]: value })).total]).toEqual([facet, value, count]);
        }
      }
    }
    const all = await search({});
    expect(all.facets.department).toEqual([
      { value: '15', count: 2 },
      { value: '05', count: 1 },
    ]);
    // Choosing a department keeps the counts of the others, so the buyer can switch.
    expect((await search({ department: '05' })).facets.department).toEqual(all.facets.department);
  });

  it('sorts by budget and pages with the total kept', async () => {
    const byBudget = await search({ sort: 'budget', pageSize: '2' });
    expect(byBudget.items.map((t) => t.id)).toEqual([ids['uniforms'], ids['computers']]);
    expect(byBudget.total).toBe(3);
    const second = await search({ sort: 'budget', pageSize: '2', page: '2' });
    expect(second.items.map((t) => t.id)).toEqual([ids['boots']]);
    expect((await search({ sort: 'budget', pageSize: '2', page: '5' })).total).toBe(3);
  });

  it('refuses bad filters field by field', async () => {
    const res = await visitor.get('/api/v1/public/tenders?unspsc=12a&department=ABC&budgetMin=10&budgetMax=x&sort=best').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['budgetMax', 'department', 'sort', 'unspsc'].sort());
    const order = await visitor.get('/api/v1/public/tenders?budgetMin=10&budgetMax=5').expect(400);
    expect(order.body.errors[0].field).toBe('budgetMax');
  });

  it('suggests titles and classes after two letters', async () => {
    expect((await visitor.get('/api/v1/public/tenders/suggestions?q=c').expect(200)).body).toEqual([]);
    const suggestions = (await visitor.get('/api/v1/public/tenders/suggestions?q=computa').expect(200)).body;
    expect(suggestions).toEqual(
      expect.arrayContaining([
        { kind: 'tender', text: 'Adquisición de computadores portátiles', value: ids['computers'] },
        { kind: 'unspsc', text: '432115 Computadores', value: '432115' },
      ]),
    );
  });

  it('sees every committed change, also one committed after a later one was read', async () => {
    const byBudget = async () => (await search({ sort: 'budget' })).items.map((t) => t.id);
    const before = await byBudget();
    expect(before).toEqual([ids['uniforms'], ids['computers'], ids['boots']]);
    const slow = db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query(`UPDATE tender_search_documents SET estimated_value_cop = 900000000000 WHERE tender_id = $1`, [ids['boots']]);
      // A transaction that started later commits first and is read while the slow one is still open.
      await db.query(`UPDATE tender_search_documents SET estimated_value_cop = 1 WHERE tender_id = $1`, [ids['uniforms']]);
      expect(await byBudget()).toEqual([ids['computers'], ids['boots'], ids['uniforms']]);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    expect(await byBudget()).toEqual([ids['boots'], ids['computers'], ids['uniforms']]);
    expect((await search({ budgetMin: '100000000000' })).total).toBe(1);
    await syncTenders(db.manager, engine, [ids['boots'], ids['uniforms']]);
    expect(await byBudget()).toEqual(before);
  });

  it('rebuilds the index from the database', async () => {
    await db.query(`DELETE FROM tender_search_documents`);
    expect((await search({})).total).toBe(0);
    expect(await reindexTenders(db, engine)).toBe(3);
    expect(await found({ q: 'computadres' })).toEqual([ids['computers']]);
  });
});
