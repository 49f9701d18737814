import { NO_CLAIMS, type BidInput, type BidReceipt, type MyBidView, type TenderInput, type TenderView } from '@eslabon/contracts';
import { canonicalJson } from '@eslabon/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Browser,
  TestStack,
  TestAccount,
  TestSupplier,
  createAccount,
  createTestWorker,
  createTestStack,
  openOnItsDate,
  signedIn,
  supplierWithProfile,
  tenderInput,
  waitForMail,
} from '../../testing';
import { TenderLifecycleService } from '../tenders/tender-lifecycle.service';

describe('sealed bids', () => {
  let stack: TestStack;
  let db: DataSource;
  let asBuyer: Browser;
  let micro: TestSupplier;
  let large: TestSupplier;
  let tender: TenderView;

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    const buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    micro = await supplierWithProfile(stack.api, { nit: '830115297', checkDigit: '6', incomeCop: '300000000' });
    large = await supplierWithProfile(stack.api, { nit: '899999068', checkDigit: '1', incomeCop: '90000000000' });
    const draft: TenderView = (
      await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, await tenderInput(stack.api, 'minima_cuantia')).expect(201)
    ).body;
    tender = await openOnItsDate(stack.api, draft, buyer);
  });
  afterAll(() => stack.close());

  const offer = (priceCop = '140000000'): BidInput => ({
    lots: [{ lotId: tender.lots[0].id, priceCop, nationalIndustry: 'national_goods', nationalComponentPercent: null }],
    claims: NO_CLAIMS,
    plural: null,
  });
  const submit = (who: Browser, body: BidInput, key: string) =>
    who.put(`/api/v1/tenders/${tender.id}/bid`, body).set('Idempotency-Key', key);

  it('seals the content, returns a receipt whose digest anyone can recompute, and tells the buyer only the count', async () => {
    const receipt: BidReceipt = (await submit(micro.browser, offer(), 'first-submission-1').expect(200)).body;
    expect(receipt).toMatchObject({
      tenderId: tender.id,
      version: 1,
      status: 'submitted',
      lotIds: [tender.lots[0].id],
      termsVersion: 1,
      needsReconfirmation: false,
    });
    // The Bogotá clock is UTC−5 all year.
    const utc = new Date(receipt.submittedAt);
    expect(receipt.submittedAtBogota).toBe(new Date(utc.getTime() - 5 * 3600_000).toISOString().slice(0, 19).replace('T', ' '));
    const content = canonicalJson({
      tenderId: tender.id,
      supplierOrganizationId: micro.account.organizationId,
      version: 1,
      nonce: receipt.nonce,
      lots: offer().lots,
      claims: NO_CLAIMS,
      plural: null,
      documents: [],
    });
    expect(receipt.digest).toBe(createHash('sha256').update(content).digest('hex'));
    expect(receipt.nonce).toMatch(/^[0-9a-f]{32}$/);

    // Nothing in the database reads as the price; the data key is stored only wrapped.
    const [row] = await db.query(`SELECT sealed_content, iv FROM bids WHERE id = $1`, [receipt.bidId]);
    expect(row.sealed_content.toString('latin1')).not.toContain('140000000');
    // Padded to whole KiB: the length does not tell the price's digits.
    expect(row.sealed_content.length % 1024).toBe(0);
    const dump =
      JSON.stringify(await db.query(`SELECT * FROM bids`)) +
      JSON.stringify(await db.query(`SELECT * FROM audit_log WHERE entity_type = 'bid'`));
    expect(dump).not.toContain('140000000');
    expect(await db.query(`SELECT count(*)::int AS n FROM tender_bid_keys WHERE tender_id = $1`, [tender.id])).toEqual([{ n: 1 }]);

    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/bids/count`).expect(200)).body).toEqual({ tenderId: tender.id, bids: 1 });
    expect((await micro.browser.get(`/api/v1/tenders/${tender.id}/bid`).expect(200)).body).toEqual(receipt);
    await large.browser.get(`/api/v1/tenders/${tender.id}/bid`).expect(404);
  });

  it('answers a retried submission with the same receipt, and a new one with a new version', async () => {
    const again: BidReceipt = (await submit(micro.browser, offer(), 'first-submission-1').expect(200)).body;
    expect(again.version).toBe(1);
    // The same key with another price is not a retry: refused, and nothing changes.
    const reused = await submit(micro.browser, offer('139000000'), 'first-submission-1').expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const changed: BidReceipt = (await submit(micro.browser, offer('135000000'), 'second-submission').expect(200)).body;
    expect(changed.version).toBe(2);
    expect(changed.digest).not.toBe(again.digest);
    expect(await db.query(`SELECT count(*)::int AS n FROM bids WHERE tender_id = $1`, [tender.id])).toEqual([{ n: 1 }]);
    const actions = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'bid' ORDER BY id`);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['bid.submitted', 'bid.submitted']);
  });

  it('withdraws and resubmits until closing, each version audited with its digest, and lists them in "my bids"', async () => {
    const withdrawn: BidReceipt = (
      await micro.browser.delete(`/api/v1/tenders/${tender.id}/bid`).set('Idempotency-Key', 'withdraw-once').expect(200)
    ).body;
    expect(withdrawn).toMatchObject({ version: 3, status: 'withdrawn', lotIds: [] });
    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/bids/count`).expect(200)).body.bids).toBe(0);
    await micro.browser.delete(`/api/v1/tenders/${tender.id}/bid`).set('Idempotency-Key', 'withdraw-twice').expect(404);
    const back: BidReceipt = (await submit(micro.browser, offer('135000000'), 'back-in-again').expect(200)).body;
    expect(back).toMatchObject({ version: 4, status: 'submitted' });
    const audit = await db.query(
      `SELECT action, summary->'after'->>'version' AS version, summary->'after'->>'digest' AS digest FROM audit_log
        WHERE entity_type = 'bid' ORDER BY id`,
    );
    expect(audit.slice(2)).toEqual([
      { action: 'bid.withdrawn', version: '3', digest: withdrawn.digest },
      { action: 'bid.submitted', version: '4', digest: back.digest },
    ]);
    const mine: MyBidView[] = (await micro.browser.get('/api/v1/bids').expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ bidId: back.bidId, version: 4, tenderReference: tender.reference, outcomes: [] })]);
  });

  it('e-mails each receipt to whoever submitted it', async () => {
    const worker = await createTestWorker(stack.config);
    try {
      const mail = await waitForMail(micro.account.email, /versión 4/);
      const [row] = await db.query(`SELECT digest FROM bids WHERE tender_id = $1 AND supplier_organization_id = $2`, [
        tender.id,
        micro.account.organizationId,
      ]);
      expect(mail.text).toContain(row.digest);
      expect(mail.text).toContain('(Bogotá)');
    } finally {
      await worker.close();
    }
  });

  it('refuses what the rules refuse, on the field, and saves nothing', async () => {
    const reserved = await submit(large.browser, offer(), 'large-firm-reserved').expect(400);
    expect(reserved.body.errors).toEqual([expect.objectContaining({ field: 'lots.0.lotId', code: 'lot_reserved_mipymes' })]);
    const tooDear = await submit(micro.browser, offer('150000001'), 'above-the-estimate').expect(400);
    expect(tooDear.body.errors).toEqual([expect.objectContaining({ field: 'lots.0.priceCop', code: 'above_estimate' })]);
    await submit(micro.browser, { ...offer(), lots: [{ ...offer().lots[0], lotId: tender.id }] }, 'not-a-lot-of-it').expect(400);
    const plural = {
      kind: 'consorcio' as const,
      name: 'Consorcio Vial',
      members: [
        { nit: '830115297', name: 'A', participationPercent: 60, mipyme: true },
        { nit: '899999068', name: 'B', participationPercent: 30, mipyme: false },
      ],
    };
    const share = await submit(micro.browser, { ...offer(), plural }, 'participations-off').expect(400);
    expect(share.body.errors).toEqual([expect.objectContaining({ field: 'plural.members', code: 'participation_sum' })]);
    const outsiders = { ...plural, members: plural.members.map((m, i) => ({ ...m, nit: `90000000${i}`, participationPercent: 50 })) };
    const notMember = await submit(micro.browser, { ...offer(), plural: outsiders }, 'not-among-members').expect(400);
    expect(notMember.body.errors).toEqual([expect.objectContaining({ field: 'plural.members', code: 'bidder_not_member' })]);
    await micro.browser.put(`/api/v1/tenders/${tender.id}/bid`, offer()).expect(400);
    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/bids/count`).expect(200)).body.bids).toBe(1);
  });

  it('refuses a bid one second after closing even when no job has closed the tender yet', async () => {
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 second' WHERE id = $1`, [tender.id]);
    expect((await db.query(`SELECT status FROM tenders WHERE id = $1`, [tender.id]))[0].status).toBe('open');
    const late = await submit(micro.browser, offer('130000000'), 'one-second-late').expect(409);
    expect(late.body.code).toBe('bidding_closed');
    expect((await micro.browser.get(`/api/v1/tenders/${tender.id}/bid`).expect(200)).body.version).toBe(4);
    // A retry of the last accepted submission still gets its receipt.
    expect((await submit(micro.browser, offer('135000000'), 'back-in-again').expect(200)).body.version).toBe(4);
    await stack.api.get(TenderLifecycleService).closeIfDue(tender.id);
    await submit(micro.browser, offer('130000000'), 'after-the-closing').expect(409);
    await micro.browser.delete(`/api/v1/tenders/${tender.id}/bid`).set('Idempotency-Key', 'withdraw-too-late').expect(409);
  });
});

describe('sealed bids under an adenda and a last-second rush', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let tender: TenderView;
  let terms: TenderInput;

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    terms = await tenderInput(stack.api, 'minima_cuantia');
    // Lot 2 only: open to large firms too.
    const draft: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, terms).expect(201)).body;
    tender = await openOnItsDate(stack.api, draft, buyer);
  });
  afterAll(() => stack.close());

  const boots = (lotId: string, priceCop = '79000000'): BidInput => ({
    lots: [{ lotId, priceCop, nationalIndustry: 'foreign_with_component', nationalComponentPercent: 45 }],
    claims: NO_CLAIMS,
    plural: null,
  });

  it('marks bids made before an adenda that changed the lots as needing reconfirmation, until resubmitted', async () => {
    const supplier = await supplierWithProfile(stack.api, { nit: '899999068', checkDigit: '1', incomeCop: '90000000000' });
    const first: BidReceipt = (
      await supplier.browser
        .put(`/api/v1/tenders/${tender.id}/bid`, boots(tender.lots[1].id))
        .set('Idempotency-Key', 'before-adenda')
        .expect(200)
    ).body;
    expect(first.needsReconfirmation).toBe(false);
    const changed = { ...terms, lots: terms.lots.map((l, i) => (i === 1 ? { ...l, quantity: '450' } : l)) };
    const actor = { userId: buyer.userId, organizationId: buyer.organizationId, requestId: null };
    await stack.api.get(TenderLifecycleService).amend(tender.id, { tender: changed, reason: 'Se amplía la cantidad de botas' }, actor);
    const stale: BidReceipt = (await supplier.browser.get(`/api/v1/tenders/${tender.id}/bid`).expect(200)).body;
    expect(stale).toMatchObject({ termsVersion: 1, needsReconfirmation: true });
    const again: BidReceipt = (
      await supplier.browser
        .put(`/api/v1/tenders/${tender.id}/bid`, boots(tender.lots[1].id))
        .set('Idempotency-Key', 'after-adenda')
        .expect(200)
    ).body;
    expect(again).toMatchObject({ termsVersion: 2, needsReconfirmation: false, version: 2 });
  });

  it('ends 200 concurrent submissions of 100 suppliers (each sent twice, with retries) with exactly 100 bids and 100 receipts', async () => {
    // Sign-ins in tens: parallel sign-ins from one address count as guesses until they succeed.
    const suppliers: { account: TestAccount; browser: Browser }[] = [];
    for (let i = 0; i < 10; i++)
      suppliers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const account = await createAccount(stack.api, 'supplier', 'supplier_admin');
            return { account, browser: await signedIn(stack.api, account) };
          }),
        )),
      );
    // Each supplier's request goes twice at once, as a double click or a retry after a timeout does.
    const attempt = async (s: (typeof suppliers)[number], i: number): Promise<BidReceipt> => {
      for (;;) {
        const res = await s.browser
          .put(`/api/v1/tenders/${tender.id}/bid`, boots(tender.lots[1].id, String(70000000 + i)))
          .set('Idempotency-Key', `rush-${s.account.organizationId}`);
        if (res.status === 200) return res.body;
        if (res.status !== 409 || res.body.code !== 'bid_in_progress') throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      }
    };
    const receipts = await Promise.all(suppliers.flatMap((s, i) => [attempt(s, i), attempt(s, i)]));
    const [{ bids, distinct }] = await db.query(
      `SELECT count(*)::int AS bids, count(DISTINCT supplier_organization_id)::int AS distinct FROM bids b
         JOIN memberships m ON m.organization_id = b.supplier_organization_id WHERE b.tender_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [tender.id, suppliers.map((s) => s.account.userId)],
    );
    expect({ bids, distinct }).toEqual({ bids: 100, distinct: 100 });
    // Both answers of a supplier are the one receipt it earned.
    expect(new Set(receipts.map((r) => `${r.bidId}:${r.version}:${r.digest}`)).size).toBe(100);
    expect(receipts.every((r) => r.version === 1)).toBe(true);
    const [{ audited }] = await db.query(
      `SELECT count(*)::int AS audited FROM audit_log WHERE entity_type = 'bid' AND entity_id = ANY($1::text[])`,
      [[...new Set(receipts.map((r) => r.bidId))]],
    );
    expect(audited).toBe(100);
  });
});
