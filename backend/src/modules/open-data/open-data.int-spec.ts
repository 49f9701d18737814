import type { OpenAwardPage, OpenTenderPage, TenderView } from '@eslabon/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  TestAccount,
  TestStack,
  createAccount,
  createTestStackWithWorker,
  eventually,
  ocdsSchemaErrors,
  signedIn,
  tenderInput,
} from '../../testing';
import { backfillReleases } from '../ocds/ocds-backfill';
import { publisherOf } from '../ocds/ocds-release';
import { TenderLifecycleService } from '../tenders/tender-lifecycle.service';

describe('open data API', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let boyaca: TenderView;
  let antioquia: TenderView;
  const supplier = randomUUID();
  const anonymous = () => request(stack.api.getHttpServer());

  async function published(over: Partial<Awaited<ReturnType<typeof tenderInput>>>): Promise<TenderView> {
    const asBuyer = await signedIn(stack.api, buyer);
    const draft: TenderView = (
      await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, { ...(await tenderInput(stack.api)), ...over }).expect(201)
    ).body;
    return stack.api
      .get(TenderLifecycleService)
      .transition(
        draft.id,
        { transition: 'publish_draft' },
        { userId: buyer.userId, organizationId: buyer.organizationId, requestId: null },
      );
  }

  beforeAll(async () => {
    stack = await createTestStackWithWorker({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    boyaca = await published({ title: '=HYPERLINK("http://malo") Dotación de botas' });
    antioquia = await published({ title: 'Mantenimiento de vías', executionDepartment: '05', executionMunicipality: '05001' });
    // A decided lot, as the award service leaves it (the award flow itself is tested in evaluation.int-spec.ts).
    await db.query(`INSERT INTO organizations (id, kind, name, status) VALUES ($1, 'supplier', 'Calzado Andino SAS', 'active')`, [
      supplier,
    ]);
    await db.query(`UPDATE tenders SET status = 'awarded' WHERE id = $1`, [boyaca.id]);
    await db.query(
      `INSERT INTO awards (tender_id, lot_id, outcome, supplier_organization_id, value_cop, national_industry, size_class, decided_by, decided_at)
       VALUES ($1, $2, 'awarded', $3, 80000000, 'national_goods', 'micro', $4, '2026-06-30T23:30:00-05:00'),
              ($1, $5, 'void', NULL, NULL, NULL, NULL, $4, '2026-06-30T23:30:00-05:00')`,
      [boyaca.id, boyaca.lots[1].id, supplier, buyer.userId, boyaca.lots[0].id],
    );
    await eventually(async () => {
      const page: OpenTenderPage = (await anonymous().get('/api/v1/open-data/tenders').expect(200)).body;
      return page.total === 2 ? page : undefined;
    });
  });
  afterAll(() => stack.close());

  it('describes itself: ocid prefix and where each dataset is', async () => {
    const index = (await anonymous().get('/api/v1/open-data').expect(200)).body;
    expect(index).toMatchObject({ ocidPrefix: 'ocds-eslabn', publisher: 'Eslabón' });
    for (const link of ['releases', 'bulkReleases', 'tenders', 'awards', 'awardsCsv'])
      await anonymous().get(new URL(index.links[link]).pathname).expect(200);
  });

  it('lists published tenders with the search filters, each with its ocid and decided lots, to anyone', async () => {
    const res = await anonymous().get('/api/v1/open-data/tenders?department=15').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['ratelimit-limit']).toBe('120');
    const page: OpenTenderPage = res.body;
    expect(page.items.map((t) => t.id)).toEqual([boyaca.id]);
    expect(page.items[0].ocid).toBe(`ocds-eslabn-${boyaca.id}`);
    expect(page.items[0].awards.map((a) => [a.outcome, a.supplierName, a.valueCop, a.sizeClass])).toEqual([
      ['void', null, null, null],
      ['awarded', 'Calzado Andino SAS', '80000000', 'micro'],
    ]);
    const other: OpenTenderPage = (await anonymous().get('/api/v1/open-data/tenders?department=05').expect(200)).body;
    expect(other.items.map((t) => [t.id, t.awards])).toEqual([[antioquia.id, []]]);
  });

  it('lists decided lots by Bogotá decision day and the filters that apply to them', async () => {
    const june: OpenAwardPage = (await anonymous().get('/api/v1/open-data/awards?decidedFrom=2026-06-30&decidedTo=2026-06-30').expect(200))
      .body;
    // 23:30 in Bogotá is already 1 July in UTC: the day is Bogotá's.
    expect(june.total).toBe(2);
    const july: OpenAwardPage = (await anonymous().get('/api/v1/open-data/awards?decidedFrom=2026-07-01').expect(200)).body;
    expect(july.total).toBe(0);
    const filtered: OpenAwardPage = (await anonymous().get('/api/v1/open-data/awards?department=05').expect(200)).body;
    expect(filtered.items).toEqual([]);
    const bad = await anonymous().get('/api/v1/open-data/awards?decidedFrom=30-06-2026&unspsc=4&pageSize=1000').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['decidedFrom', 'pageSize', 'unspsc']);
  });

  it('downloads every decided lot as CSV, with formula-like cells defused', async () => {
    const res = await anonymous().get('/api/v1/open-data/awards.csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['awardId', 'ocid', 'tenderReference', 'tenderTitle']);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes(`"'=HYPERLINK(""http://malo"") Dotación de botas"`))).toBe(true);
  });

  it('gives processes published before OCDS publication their first release, once', async () => {
    await eventually(async () =>
      (await db.query(`SELECT 1 FROM ocds_releases WHERE tender_id = $1`, [antioquia.id])).length ? true : undefined,
    );
    await db.query(`DELETE FROM ocds_releases WHERE tender_id = ANY($1)`, [[antioquia.id, boyaca.id]]);
    const publisher = publisherOf(stack.config);
    expect(await db.transaction((em) => backfillReleases(em, publisher))).toBe(2);
    expect(await db.transaction((em) => backfillReleases(em, publisher))).toBe(0);
    const rows: { release: Record<string, unknown> }[] = await db.query(`SELECT release FROM ocds_releases WHERE tender_id = $1`, [
      boyaca.id,
    ]);
    // Awarded without a contract on record: an award release only.
    expect(rows.map((r) => r.release.tag)).toEqual([['award']]);
    const pkg = (await anonymous().get(`/api/v1/ocds/records/ocds-eslabn-${boyaca.id}`).expect(200)).body;
    expect(ocdsSchemaErrors('recordPackage', pkg)).toEqual([]);
  });

  it('limits each address and tells it when to come back', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await anonymous().get('/api/v1/open-data/awards.csv?department=05')).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(20);
    const limited = await anonymous().get('/api/v1/open-data/awards.csv?department=05').expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body.code).toBe('rate_limited');
    // Another bucket keeps its own allowance.
    await anonymous().get('/api/v1/open-data/awards').expect(200);
  });
});
