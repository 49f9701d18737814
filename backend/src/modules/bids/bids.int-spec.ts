import type { BidInput, BidReceipt, TenderView } from '@eslabon/contracts';
import { canonicalJson } from '@eslabon/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Browser,
  TestStack,
  TestSupplier,
  createAccount,
  createTestStack,
  openOnItsDate,
  signedIn,
  supplierWithProfile,
  tenderInput,
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
  });
  const submit = (who: Browser, body: BidInput, key: string) =>
    who.put(`/api/v1/tenders/${tender.id}/bid`, body).set('Idempotency-Key', key);

  it('seals the content, returns a receipt whose digest anyone can recompute, and tells the buyer only the count', async () => {
    const receipt: BidReceipt = (await submit(micro.browser, offer(), 'first-submission-1').expect(200)).body;
    expect(receipt).toMatchObject({ tenderId: tender.id, version: 1, status: 'submitted', lotIds: [tender.lots[0].id] });
    const content = canonicalJson({
      tenderId: tender.id,
      supplierOrganizationId: micro.account.organizationId,
      version: 1,
      nonce: receipt.nonce,
      lots: offer().lots,
    });
    expect(receipt.digest).toBe(createHash('sha256').update(content).digest('hex'));
    expect(receipt.nonce).toMatch(/^[0-9a-f]{32}$/);

    // Nothing in the database reads as the price; the data key is stored only wrapped.
    const [row] = await db.query(`SELECT sealed_content, iv FROM bids WHERE id = $1`, [receipt.bidId]);
    expect(row.sealed_content.toString('latin1')).not.toContain('140000000');
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
    const changed: BidReceipt = (await submit(micro.browser, offer('135000000'), 'second-submission').expect(200)).body;
    expect(changed.version).toBe(2);
    expect(changed.digest).not.toBe(again.digest);
    expect(await db.query(`SELECT count(*)::int AS n FROM bids WHERE tender_id = $1`, [tender.id])).toEqual([{ n: 1 }]);
    const actions = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'bid' ORDER BY id`);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['bid.submitted', 'bid.submitted']);
  });

  it('refuses what the rules refuse, on the field, and saves nothing', async () => {
    const reserved = await submit(large.browser, offer(), 'large-firm-reserved').expect(400);
    expect(reserved.body.errors).toEqual([expect.objectContaining({ field: 'lots.0.lotId', code: 'lot_reserved_mipymes' })]);
    const tooDear = await submit(micro.browser, offer('150000001'), 'above-the-estimate').expect(400);
    expect(tooDear.body.errors).toEqual([expect.objectContaining({ field: 'lots.0.priceCop', code: 'above_estimate' })]);
    await submit(micro.browser, { lots: [{ ...offer().lots[0], lotId: tender.id }] }, 'not-a-lot-of-it').expect(400);
    await micro.browser.put(`/api/v1/tenders/${tender.id}/bid`, offer()).expect(400);
    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/bids/count`).expect(200)).body.bids).toBe(1);
  });

  it('refuses a bid one second after closing even when no job has closed the tender yet', async () => {
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 second' WHERE id = $1`, [tender.id]);
    expect((await db.query(`SELECT status FROM tenders WHERE id = $1`, [tender.id]))[0].status).toBe('open');
    const late = await submit(micro.browser, offer('130000000'), 'one-second-late').expect(409);
    expect(late.body.code).toBe('bidding_closed');
    expect((await micro.browser.get(`/api/v1/tenders/${tender.id}/bid`).expect(200)).body.version).toBe(2);
    // A retry of the last accepted submission still gets its receipt.
    expect((await submit(micro.browser, offer('135000000'), 'second-submission').expect(200)).body.version).toBe(2);
    await stack.api.get(TenderLifecycleService).closeIfDue(tender.id);
    await submit(micro.browser, offer('130000000'), 'after-the-closing').expect(409);
  });
});
