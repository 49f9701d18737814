import {
  NO_CLAIMS,
  type AwardView,
  type BidInput,
  type NationalIndustryStatus,
  type ReportDashboard,
  type TenderInput,
  type TenderView,
} from '@eslabon/contracts';
import { addBusinessDays, nitCheckDigit } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import { bogotaToday } from '../../core/time/bogota';
import {
  Browser,
  TestAccount,
  TestStack,
  TestSupplier,
  createAccount,
  createTestStackWithWorker,
  eventually,
  ocdsReviewErrors,
  ocdsSchemaErrors,
  openOnItsDate,
  signedIn,
  supplierWithProfile,
  tenderInput,
} from '../../testing';
import { TenderParticipationService } from '../tenders/tender-participation.service';

/** The parts of OCDS JSON this test reads. */
type Party = { id: string; roles: string[]; identifier?: object; details?: { scale?: string } };
type Release = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  parties: Party[];
  tender: {
    amendments?: object[];
    enquiries?: object[];
    numberOfTenderers?: number;
    items: { classification: { scheme: string; id: string }; relatedLot: string }[];
  };
  bids?: { details: { id: string }[]; statistics: object[] };
  awards?: { id: string }[];
  contracts?: object[];
};
type ReleasePackage = { releases: Release[]; links?: { next: string } };

/**
 * One licitación pública of two lots walked through every stage by the real API, with a real worker
 * publishing a release for each public event; then the release package, the record and the bulk file
 * are read as anyone would, and checked against the official OCDS 1.1 schemas and the review checks.
 */
describe('OCDS publication', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let anyone: Browser;
  let officer: Browser;
  let asker: TestAccount;
  let asAsker: Browser;
  let mipyme: TestSupplier;
  let foreign: TestSupplier;
  let person: TestSupplier;
  let input: TenderInput;
  let tender: TenderView;
  let ocid: string;
  const bids: Record<string, string> = {};
  // Prices no other figure of the process contains, so finding their digits means a price leaked.
  const PRICE = { mipyme: '76123457', foreign: '70345679', person: '141234567' };
  const PERSON_ID = '52123456';

  /** The process's releases in publication order, once the worker has published `count` of them. */
  const releases = (count: number, of = () => ocid): Promise<Release[]> =>
    eventually(async () => {
      const rows = await db.query(`SELECT release FROM ocds_releases WHERE ocid = $1 ORDER BY seq`, [of()]);
      return rows.length >= count ? rows.map((r: { release: Release }) => r.release) : undefined;
    }, 30_000);
  const tags = (rs: Release[]) => rs.map((r) => r.tag);
  /** Release packages from `url` on, following links.next, read without a session. */
  async function walk(url: string): Promise<ReleasePackage[]> {
    const pages: ReleasePackage[] = [];
    for (let next: string | undefined = url; next;) {
      const res: { headers: Record<string, string>; body: ReleasePackage } = await anyone.get(next).expect(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      expect(res.headers['ratelimit-limit']).toBe('120');
      pages.push(res.body);
      next = res.body.links && new URL(res.body.links.next).pathname + new URL(res.body.links.next).search;
    }
    return pages;
  }
  const year = bogotaToday().slice(0, 4);
  const dashboard = async (): Promise<ReportDashboard> =>
    (await officer.get(`/api/v1/reports/dashboard?from=${year}-01-01&to=${year}-12-31`).expect(200)).body;

  beforeAll(async () => {
    stack = await createTestStackWithWorker({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    // Test accounts are named after their e-mail; a buyer's name is public, an e-mail in it would hide a leak.
    await db.query(`UPDATE organizations SET name = 'Gobernación de Boyacá' WHERE id = $1`, [buyer.organizationId]);
    asBuyer = await signedIn(stack.api, buyer);
    anyone = new Browser(stack.api);
    officer = await signedIn(stack.api, await createAccount(stack.api, 'oversight', 'officer'));
    asker = await createAccount(stack.api, 'supplier', 'supplier_admin');
    asAsker = await signedIn(stack.api, asker);
    mipyme = await supplierWithProfile(stack.api, { nit: '830115297', checkDigit: '6', incomeCop: '300000000' });
    foreign = await supplierWithProfile(stack.api, { nit: '899999068', checkDigit: '1', incomeCop: '90000000000' });
    person = await supplierWithProfile(stack.api, {
      nit: PERSON_ID,
      checkDigit: String(nitCheckDigit(PERSON_ID)),
      incomeCop: '200000000',
      identity: { personType: 'natural', legalName: 'María Fernanda Rojas Ospina', tradeName: 'Confecciones Rojas' },
    });
    input = await tenderInput(stack.api, 'licitacion_publica');
    tender = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    ocid = `${stack.config.ocdsPrefix}-${tender.id}`;
  });
  afterAll(() => stack.close());

  const [uniforms, boots] = [() => tender.lots[0].id, () => tender.lots[1].id];
  const bid = (lotId: string, priceCop: string, nationalIndustry: NationalIndustryStatus, component: number | null = null): BidInput => ({
    lots: [{ lotId, priceCop, nationalIndustry, nationalComponentPercent: component }],
    claims: NO_CLAIMS,
    plural: null,
  });

  it('publishes a release as each public event is delivered: planning, tender, adenda, answered question, closing', async () => {
    await asBuyer.post(`/api/v1/tenders/${tender.id}/transitions`, { transition: 'publish_draft' }).expect(200);
    expect(tags(await releases(1))).toEqual([['planning']]);
    tender = await openOnItsDate(stack.api, tender, buyer);
    expect(tags(await releases(2))).toEqual([['planning'], ['tender']]);

    const adenda = {
      tender: { ...input, description: `${input.description} Incluye tallas especiales.` },
      reason: 'Observación de un interesado',
    };
    await asBuyer.post(`/api/v1/tenders/${tender.id}/amendments`, adenda).expect(201);
    const amended = (await releases(3))[2];
    expect(amended.tag).toEqual(['tenderAmendment']);
    expect(amended.tender.amendments).toEqual([
      expect.objectContaining({ rationale: 'Observación de un interesado', description: 'description' }),
    ]);

    const question = { text: '¿Se aceptan botas dieléctricas?', lotId: boots() };
    const asked = (await asAsker.post(`/api/v1/tenders/${tender.id}/questions`, question).expect(201)).body;
    await asBuyer.post(`/api/v1/tenders/${tender.id}/questions/${asked.id}/answer`, { answer: 'Sí, si cumplen la NTC 2396.' }).expect(200);
    const answered = (await releases(4))[3];
    expect(answered.tag).toEqual(['tenderUpdate']);
    expect(answered.tender.enquiries).toEqual([
      expect.objectContaining({ description: question.text, answer: 'Sí, si cumplen la NTC 2396.', relatedLot: boots() }),
    ]);

    const offers: [keyof typeof PRICE, TestSupplier, BidInput][] = [
      ['mipyme', mipyme, bid(boots(), PRICE.mipyme, 'national_goods')],
      ['foreign', foreign, bid(boots(), PRICE.foreign, 'foreign_with_component', 20)],
      ['person', person, bid(uniforms(), PRICE.person, 'national_goods')],
    ];
    for (const [name, s, offer] of offers)
      bids[name] = (
        await s.browser.put(`/api/v1/tenders/${tender.id}/bid`, offer).set('Idempotency-Key', `bid-${name}`).expect(200)
      ).body.bidId;
    // The closing instant comes; reading the acta de cierre closes the call, as the clock decides.
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 second' WHERE id = $1`, [tender.id]);
    await asAsker.get(`/api/v1/tenders/${tender.id}/closing-record`).expect(200);
    const closed = (await releases(5))[4];
    expect(closed.tag).toEqual(['tenderUpdate']);
    expect(closed.tender.numberOfTenderers).toBe(3);
    expect(closed.bids?.details.map((b) => b.id).sort()).toEqual(Object.values(bids).sort());
    expect(closed.bids?.statistics).toEqual(expect.arrayContaining([{ id: 'bids', measure: 'bids', value: 3 }]));
  });

  it('publishes the award with its contract, then the contract’s termination, and the dashboard follows the award', async () => {
    expect((await dashboard()).current.totals.processes).toBe('0');
    await asBuyer.put(`/api/v1/tenders/${tender.id}/committee`, { userIds: [buyer.userId] }).expect(200);
    await asBuyer.post(`/api/v1/tenders/${tender.id}/transitions`, { transition: 'start_evaluation' }).expect(200);
    const reviews: [string, string][] = [
      [bids.mipyme, boots()],
      [bids.foreign, boots()],
      [bids.person, uniforms()],
    ];
    for (const [bidId, lotId] of reviews)
      await asBuyer
        .put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bidId}`, {
          habilitante: 'pass',
          note: null,
          scores: { [lotId]: { quality: 15 } },
          verified: { ...NO_CLAIMS, nationalStatusVerified: true },
        })
        .expect(200);
    const commentUntil = addBusinessDays(bogotaToday(), 5);
    await asBuyer.post(`/api/v1/tenders/${tender.id}/evaluation/report`, { commentUntil }).expect(201);
    // The comment period runs its course.
    await db.query(`UPDATE evaluation_reports SET comment_until = $2 WHERE tender_id = $1`, [
      tender.id,
      addBusinessDays(bogotaToday(), -2),
    ]);
    const decisions = [
      {
        lotId: uniforms(),
        outcome: 'void',
        reason: 'La necesidad se atenderá con el inventario existente',
        startDate: null,
        endDate: null,
      },
      { lotId: boots(), outcome: 'awarded', reason: null, startDate: '2027-02-01', endDate: '2027-06-30' },
    ];
    const awards: AwardView[] = (await asBuyer.post(`/api/v1/tenders/${tender.id}/awards`, { decisions }).expect(201)).body;
    expect(awards.map((a) => [a.outcome, a.supplierOrganizationId, a.valueCop])).toEqual([
      ['void', null, null],
      ['awarded', mipyme.account.organizationId, PRICE.mipyme],
    ]);
    const awarded = (await releases(6))[5];
    expect(awarded.tag).toEqual(['award', 'contract']);

    const contract = awards[1].contract as NonNullable<AwardView['contract']>;
    const rating = { onTime: 5, quality: 4, documentation: 5 };
    await asBuyer.post(`/api/v1/contracts/${contract.id}/close`, { outcome: 'completed', rating, reason: null }).expect(201);
    expect(tags(await releases(7))).toEqual([
      ['planning'],
      ['tender'],
      ['tenderAmendment'],
      ['tenderUpdate'],
      ['tenderUpdate'],
      ['award', 'contract'],
      ['contractTermination'],
    ]);
    // The report facts are the worker's too: the dashboard shows the award once it has been delivered.
    const after = await eventually(async () => {
      const d = await dashboard();
      return d.current.totals.processes === '1' ? d : undefined;
    });
    expect(after.current.totals).toMatchObject({
      awardedValueCop: PRICE.mipyme,
      awardedLots: '1',
      voidLots: '1',
      microValueCop: PRICE.mipyme,
    });
  });

  it('serves release packages to anyone, page by page by links.next, valid against the schema and the review checks', async () => {
    // A second process with a hundred answered questions, so that the releases take two pages.
    const other: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    await asBuyer.post(`/api/v1/tenders/${other.id}/transitions`, { transition: 'publish_draft' }).expect(200);
    const participation = stack.api.get(TenderParticipationService);
    const actor = (a: TestAccount) => ({ userId: a.userId, organizationId: a.organizationId, requestId: null });
    for (let i = 1; i <= 100; i++) {
      const q = await participation.ask(other.id, { text: `Pregunta ${i}`, lotId: null }, actor(asker));
      await participation.answer(other.id, q.id, `Respuesta ${i}`, actor(buyer));
    }
    await releases(101, () => `${stack.config.ocdsPrefix}-${other.id}`);

    const pages = await walk('/api/v1/ocds/releases');
    expect(pages.map((p) => p.releases.length)).toEqual([100, 8]);
    expect(pages[1]).not.toHaveProperty('links');
    for (const p of pages) expect(ocdsSchemaErrors('releasePackage', p)).toEqual([]);
    const all = pages.flatMap((p) => p.releases);
    expect(ocdsReviewErrors(all)).toEqual([]);
    const stored = await db.query(`SELECT release->>'id' AS id FROM ocds_releases ORDER BY seq`);
    expect(all.map((r) => r.id)).toEqual(stored.map((r: { id: string }) => r.id));

    // Only releases dated at or after `since` (from the award on: 2 + 101), and the next page keeps the filter.
    const since = (await releases(7))[5].date;
    const recent = await walk(`/api/v1/ocds/releases?since=${encodeURIComponent(since)}`);
    expect(recent[0].links?.next).toContain(`since=${encodeURIComponent(since)}`);
    expect(recent.flatMap((p) => p.releases.map((r) => r.id))).toEqual(all.filter((r) => r.date >= since).map((r) => r.id));
    expect(recent.map((p) => p.releases.length)).toEqual([100, 3]);
    for (const p of recent) expect(ocdsSchemaErrors('releasePackage', p)).toEqual([]);

    const bad = await anyone.get('/api/v1/ocds/releases?since=not-a-date').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['since']);
  });

  it('serves the record with every release and the compiled state of the process', async () => {
    const res = await anyone.get(`/api/v1/ocds/records/${ocid}`).expect(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.headers['ratelimit-limit']).toBe('120');
    expect(ocdsSchemaErrors('recordPackage', res.body)).toEqual([]);
    const [record] = res.body.records;
    expect(record.ocid).toBe(ocid);
    expect(record.releases).toHaveLength(7);
    const compiled: Release & { awards: { id: string }[] } = record.compiledRelease;
    expect(ocdsReviewErrors([compiled])).toEqual([]);
    expect(compiled).toMatchObject({
      ocid,
      tag: ['compiled'],
      tender: {
        status: 'complete',
        value: { amount: 230000000, currency: 'COP' },
        lots: [
          { id: uniforms(), status: 'unsuccessful' },
          { id: boots(), status: 'complete' },
        ],
      },
      awards: [
        { status: 'unsuccessful', relatedLots: [uniforms()] },
        { status: 'active', value: { amount: Number(PRICE.mipyme), currency: 'COP' }, relatedLots: [boots()], relatedBids: [bids.mipyme] },
      ],
    });
    expect(compiled.awards[0]).not.toHaveProperty('relatedBids');
    expect(compiled.contracts).toEqual([expect.objectContaining({ awardID: compiled.awards[1].id, status: 'terminated' })]);
    expect(compiled.tender.items.map((i) => [i.classification.scheme, i.classification.id, i.relatedLot])).toEqual([
      ['UNSPSC', '531027', uniforms()],
      ['UNSPSC', '461816', boots()],
    ]);
    const party = (id: string) => compiled.parties.find((p) => p.id === id);
    expect(party(buyer.organizationId)?.roles).toEqual(['buyer', 'procuringEntity']);
    expect(party(mipyme.account.organizationId)).toMatchObject({ roles: ['tenderer', 'supplier'], details: { scale: 'micro' } });
    expect(party(foreign.account.organizationId)).toMatchObject({
      roles: ['tenderer'],
      identifier: { scheme: 'CO-RUE', id: '8999990681' },
      details: { scale: 'large' },
    });
    expect(party(person.account.organizationId)).toMatchObject({ roles: ['tenderer'], details: { scale: 'micro' } });
    expect(party(person.account.organizationId)).not.toHaveProperty('identifier');
    const amounts = JSON.stringify(compiled).match(/"currency":"[^"]*"/g) ?? [];
    expect(new Set(amounts)).toEqual(new Set(['"currency":"COP"']));

    const unknown = await anyone.get(`/api/v1/ocds/records/${stack.config.ocdsPrefix}-00000000-0000-4000-8000-000000000000`).expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('never publishes sealed or personal information', async () => {
    const all = await releases(7);
    const record = (await anyone.get(`/api/v1/ocds/records/${ocid}`).expect(200)).body.records[0];
    // Nothing about bids, not even how many, before the closing.
    for (const r of all.slice(0, 4)) {
      expect(r).not.toHaveProperty('bids');
      expect(r.tender).not.toHaveProperty('numberOfTenderers');
    }
    const texts = [...all, record.compiledRelease].map((r) => JSON.stringify(r));
    // The awarded price is public with the award; no other price ever is, nor the winner's before; no e-mail, no cédula.
    for (const text of texts) expect(text).not.toMatch(new RegExp(`${PRICE.foreign}|${PRICE.person}|${PERSON_ID}|@`));
    for (const text of texts.slice(0, 5)) expect(text).not.toContain(PRICE.mipyme);
    for (const r of all.slice(4))
      for (const b of r.bids?.details ?? []) expect(Object.keys(b).sort()).toEqual(['date', 'id', 'relatedLots', 'status', 'tenderers']);
    // Who asked stays anonymous, and no user of any organization is named.
    const users = [asker, buyer, mipyme.account, foreign.account, person.account].map((a) => a.userId);
    for (const text of texts) for (const secret of [asker.organizationId, ...users]) expect(text).not.toContain(secret);
  });

  it('offers every release as one bulk package, limited to a few downloads per address', async () => {
    const res = await anyone.get('/api/v1/ocds/bulk/releases.json').expect(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.headers['ratelimit-limit']).toBe('6');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ocds_releases`);
    expect(res.body.releases).toHaveLength(n);
    expect(ocdsSchemaErrors('releasePackage', res.body)).toEqual([]);
    expect(ocdsReviewErrors(res.body.releases)).toEqual([]);
    // Six an hour per address (one used above); a window can turn over meanwhile, hence the bound.
    const statuses: number[] = [];
    while (statuses.length < 14 && statuses[statuses.length - 1] !== 429)
      statuses.push((await anyone.get('/api/v1/ocds/bulk/releases.json')).status);
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
  });
});
