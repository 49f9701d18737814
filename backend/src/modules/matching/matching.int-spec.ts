import type { NotificationPage, TenderInput, TenderView } from '@eslabon/contracts';
import { nitCheckDigit } from '@eslabon/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Browser,
  TestAccount,
  TestStack,
  TestSupplier,
  createAccount,
  createTestStackWithWorker,
  eventually,
  mailsTo,
  signedIn,
  supplierWithProfile,
  tenderInput,
  waitForMail,
} from '../../testing';
import { NotificationFanOut } from '../notifications/notification-fan-out';
import { NotificationMailer } from '../notifications/notification-mailer';
import { TenderMatcher } from './matching.job';

const MICRO = '300000000';
const LARGE = '90000000000';
let nitSeed = 900_500_000 + Math.floor(Math.random() * 90_000) * 10;
const supplier = (app: TestStack['api'], unspscClasses: string[], incomeCop: string, identity = {}): Promise<TestSupplier> => {
  const nit = String(nitSeed++);
  return supplierWithProfile(app, { nit, checkDigit: String(nitCheckDigit(nit)), incomeCop, unspscClasses, identity });
};

describe('matching suppliers to a published tender, and their notices', () => {
  let stack: TestStack & { worker: INestApplicationContext };
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let input: TenderInput;
  let boots: TestSupplier;
  let largeUniforms: TestSupplier;
  let bogotaOnly: TestSupplier;
  let nationalClothing: TestSupplier;
  let tender: TenderView;

  const noticesOf = async (s: TestSupplier): Promise<NotificationPage> => (await s.browser.get('/api/v1/notifications').expect(200)).body;
  const noticeCount = async (tenderId: string): Promise<number> =>
    Number((await db.query(`SELECT count(*) AS n FROM notifications WHERE tender_id = $1`, [tenderId]))[0].n);

  beforeAll(async () => {
    stack = await createTestStackWithWorker({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    input = await tenderInput(stack.api);
    // The tender is in Boyacá (15); lot 1 (uniforms, 531027) is reserved for mipymes, lot 2 is boots (461816).
    boots = await supplier(stack.api, ['461816'], MICRO);
    largeUniforms = await supplier(stack.api, ['531027'], LARGE);
    bogotaOnly = await supplier(stack.api, ['531021'], MICRO, {
      domicileMunicipality: '11001',
      coverageScope: 'departments',
      coverageCodes: ['11'],
    });
    nationalClothing = await supplier(stack.api, ['531021'], MICRO, { domicileMunicipality: '11001' });
    const draft: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    tender = (await asBuyer.post(`/api/v1/tenders/${draft.id}/transitions`, { transition: 'publish_draft' }).expect(200)).body;
  });
  afterAll(() => stack.close());

  it('tells each matching supplier why, in the bell and by e-mail, and nobody else', async () => {
    const page = await eventually(async () => {
      const p = await noticesOf(boots);
      return p.items.length > 0 ? p : undefined;
    });
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'tender_match',
      tenderId: tender.id,
      tenderReference: tender.reference,
      score: 100,
      reasons: [
        { code: 'class_match', lot: 2, unspsc: '461816' },
        { code: 'operates_in', department: '15' },
      ],
    });
    const [national] = (await noticesOf(nationalClothing)).items;
    expect(national.reasons).toEqual([
      { code: 'family_match', lot: 1, unspsc: '5310' },
      { code: 'national_coverage' },
      { code: 'reserved_mipymes', lot: 1 },
    ]);
    expect(national.score).toBe(60);
    // A large firm on a lot reserved for mipymes, and a supplier that serves only Bogotá, are not told.
    expect((await noticesOf(largeUniforms)).items).toEqual([]);
    expect((await noticesOf(bogotaOnly)).items).toEqual([]);
    expect(await db.query(`SELECT organization_id FROM tender_matches WHERE tender_id = $1 ORDER BY organization_id`, [tender.id])).toEqual(
      [boots, nationalClothing]
        .map((s) => ({ organization_id: s.account.organizationId }))
        .sort((a, b) => a.organization_id.localeCompare(b.organization_id)),
    );

    const mail = await waitForMail(boots.account.email, /Nuevo proceso para su empresa/);
    expect(mail.text).toContain('la clase 461816 coincide (lote 2)');
    expect(mail.text).toContain('opera en BOYACÁ');
    expect(mail.text).toMatch(/\/baja\?token=/);

    await boots.browser.post(`/api/v1/notifications/${page.items[0].id}/read`).expect(204);
    expect((await boots.browser.get('/api/v1/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });
    await largeUniforms.browser.post(`/api/v1/notifications/${page.items[0].id}/read`).expect(404);
  });

  it('sends nothing twice when a job runs again or its event is delivered again', async () => {
    const before = await noticeCount(tender.id);
    await waitForMail(nationalClothing.account.email, /Nuevo proceso/);
    const matcher = stack.worker.get(TenderMatcher);
    const fanOut = stack.worker.get(NotificationFanOut);
    await matcher.match(tender.id, tender.version);
    await fanOut.fanOut(tender.id, tender.version);
    await fanOut.fanOut(tender.id, tender.version);
    await stack.worker.get(NotificationMailer).sendPending();
    expect(await noticeCount(tender.id)).toBe(before);
    expect(await mailsTo(boots.account.email)).toHaveLength(1);
    expect(await mailsTo(nationalClothing.account.email)).toHaveLength(1);
  });

  it('leaves nothing half-done when the worker dies in the middle of a fan-out, and the retry tells each once', async () => {
    await db.query(`DELETE FROM notifications WHERE tender_id = $1`, [tender.id]);
    const fanOut = stack.worker.get(NotificationFanOut);
    const blocker = db.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE notifications IN EXCLUSIVE MODE`);
    const dying = fanOut.fanOut(tender.id, tender.version);
    const pid = await eventually(async () => {
      const [row] = await db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO notifications%'`,
      );
      return row?.pid as number | undefined;
    });
    await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await expect(dying).rejects.toThrow();
    await blocker.rollbackTransaction();
    await blocker.release();
    expect(await noticeCount(tender.id)).toBe(0);

    await fanOut.fanOut(tender.id, tender.version);
    await fanOut.fanOut(tender.id, tender.version);
    const rows = await db.query(`SELECT user_id, count(*)::int AS n FROM notifications WHERE tender_id = $1 GROUP BY user_id`, [tender.id]);
    expect(rows.map((r: { n: number }) => r.n)).toEqual([1, 1]);
  });

  it('lets a saved search alert its owner once, and a one-click link turn its e-mails off', async () => {
    const alerts = await supplier(stack.api, ['721029'], MICRO);
    const saved = (
      await alerts.browser
        .post('/api/v1/saved-searches', { name: 'Botas en Boyacá', query: { q: 'botas', department: '15', page: 3 } })
        .expect(201)
    ).body;
    expect(saved.query).toEqual({ q: 'botas', department: '15' });
    await alerts.browser.post('/api/v1/saved-searches', { name: '', query: {} }).expect(400);
    const inverted = await alerts.browser
      .post('/api/v1/saved-searches', { name: 'Al revés', query: { budgetMin: '9000', budgetMax: '10' } })
      .expect(400);
    expect(inverted.body.errors[0]).toMatchObject({ field: 'budgetMax', code: 'out_of_order' });

    const second: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    await asBuyer.post(`/api/v1/tenders/${second.id}/transitions`, { transition: 'publish_draft' }).expect(200);
    const notice = await eventually(async () => (await noticesOf(alerts)).items.find((n) => n.tenderId === second.id));
    expect(notice).toMatchObject({ kind: 'saved_search', savedSearchName: 'Botas en Boyacá' });
    // The boots supplier matches by class: one notice, not a second for an alert.
    const mail = await waitForMail(alerts.account.email, /Alerta «Botas en Boyacá»/);
    const token = decodeURIComponent(/\/baja\?token=([^\s"]+)/.exec(mail.text ?? '')?.[1] ?? '');
    const visitor = new Browser(stack.api);
    expect((await visitor.post('/api/v1/public/unsubscribe', { token }).expect(200)).body).toEqual({ category: 'savedSearches' });
    expect((await alerts.browser.get('/api/v1/notification-preferences').expect(200)).body).toEqual({
      tenderMatches: 'instant',
      savedSearches: 'off',
    });
    await visitor.post('/api/v1/public/unsubscribe', { token: `${token}x` }).expect(400);
  });

  it('gathers the notices of those who chose the daily summary into one e-mail, whose link stops both kinds', async () => {
    const daily = await supplier(stack.api, ['461816'], MICRO);
    await daily.browser.put('/api/v1/notification-preferences', { tenderMatches: 'daily', savedSearches: 'instant' }).expect(200);
    await daily.browser.put('/api/v1/notification-preferences', { tenderMatches: 'weekly', savedSearches: 'instant' }).expect(400);
    const third: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    await asBuyer.post(`/api/v1/tenders/${third.id}/transitions`, { transition: 'publish_draft' }).expect(200);
    await eventually(async () => ((await noticesOf(daily)).items.length > 0 ? true : undefined));
    const mailer = stack.worker.get(NotificationMailer);
    await mailer.sendPending();
    expect(await mailsTo(daily.account.email)).toEqual([]);
    await mailer.sendDigests();
    await mailer.sendDigests();
    const digests = await mailsTo(daily.account.email);
    expect(digests.map((m) => m.subject)).toEqual(['Resumen diario de Eslabón: 1 proceso para usted']);
    const token = decodeURIComponent(/\/baja\?token=([^\s"]+)/.exec(digests[0].text ?? '')?.[1] ?? '');
    // The mail client's own button posts to the one-click address.
    await new Browser(stack.api).post(`/api/v1/public/unsubscribe/one-click?token=${encodeURIComponent(token)}`, {}).expect(200);
    expect((await daily.browser.get('/api/v1/notification-preferences').expect(200)).body).toEqual({
      tenderMatches: 'off',
      savedSearches: 'off',
    });
  });
});
