import { LIMITATION_DOCUMENTS, type LotMatchCount, type MipymeRequestView, type TenderView } from '@eslabon/contracts';
import { endOfBogotaDay } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import { bogotaToday } from '../../core/time/bogota';
import {
  Browser,
  TestAccount,
  TestStack,
  TestSupplier,
  createAccount,
  createTestStack,
  signedIn,
  supplierWithProfile,
  tenderInput,
} from '../../testing';
import { TenderLifecycleService } from './tender-lifecycle.service';

/** NITs with their DIAN check digits (RULES.md §9). */
const NITS = [
  ['830115297', '6'],
  ['899999068', '1'],
  ['800197268', '4'],
] as const;

describe('calls limited to mipymes (Decreto 1860 de 2021)', () => {
  let stack: TestStack;
  let asBuyer: Browser;
  let buyer: TestAccount;
  let suppliers: TestSupplier[];

  /** A supplier with identity, legal standing and the three documents a request carries. */
  const supplier = (i: number, constitutedOn: string, incomeCop: string) =>
    supplierWithProfile(stack.api, {
      nit: NITS[i][0],
      checkDigit: NITS[i][1],
      incomeCop,
      constitutedOn,
      unspscClasses: ['531027'],
      documents: [...LIMITATION_DOCUMENTS],
    });

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    suppliers = [
      await supplier(0, '2018-02-01', '300000000'), // micro
      await supplier(1, '2015-06-01', '900000000'), // micro
      await supplier(2, bogotaToday().slice(0, 7) + '-01', '300000000'), // younger than a year
    ];
  });
  afterAll(() => stack.close());

  const publishedDraft = async (): Promise<TenderView> => {
    const draft: TenderView = (
      await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, await tenderInput(stack.api)).expect(201)
    ).body;
    return (await asBuyer.post(`/api/v1/tenders/${draft.id}/transitions`, { transition: 'publish_draft' }).expect(200)).body;
  };
  const request = (s: TestSupplier, tenderId: string, documentIds = s.documentIds) =>
    s.browser.post(`/api/v1/tenders/${tenderId}/mipyme-requests`, { documentIds });
  const afterDeadline = (t: TenderView) => new Date(endOfBogotaDay(t.schedule.mipymeRequestDeadline as string).getTime() + 1);

  it('marks a call below the threshold as susceptible and takes requests until the deadline', async () => {
    const tender = await publishedDraft();
    expect(tender.mipymeLimitation).toMatchObject({ susceptible: true, requestsOpen: true, requestCount: 0, decision: null });
    const asVisitor = (await new Browser(stack.api).get(`/api/v1/public/tenders/${tender.id}`).expect(200)).body as TenderView;
    expect(asVisitor.mipymeLimitation.thresholdCop).toBe('532338092');
  });

  it('limits the call when two valid requests came, recording the rule version and the requests', async () => {
    const tender = await publishedDraft();
    const [a, b, young] = suppliers;
    const first: MipymeRequestView = (await request(a, tender.id).expect(201)).body;
    expect(first).toMatchObject({ mipyme: true, colombian: true, documentsComplete: true, refusals: [] });
    await request(a, tender.id).expect(409);
    await request(b, tender.id).expect(201);
    const refused: MipymeRequestView = (await request(young, tender.id, young.documentIds.slice(0, 1)).expect(201)).body;
    expect(refused.refusals).toEqual(['younger_than_one_year', 'documents_missing']);
    await request(young, tender.id, [a.documentIds[0]]).expect(400);

    const listed: MipymeRequestView[] = (await asBuyer.get(`/api/v1/tenders/${tender.id}/mipyme-requests`).expect(200)).body;
    expect(listed).toHaveLength(3);
    await a.browser.get(`/api/v1/tenders/${tender.id}/mipyme-requests`).expect(404);

    const lifecycle = stack.api.get(TenderLifecycleService);
    expect(await lifecycle.decideLimitationIfDue(tender.id, new Date())).toBe(false);
    expect(await lifecycle.decideLimitationIfDue(tender.id, afterDeadline(tender))).toBe(true);
    const decided: TenderView = (await asBuyer.get(`/api/v1/tenders/${tender.id}`).expect(200)).body;
    expect(decided.limitedToMipymes).toBe(true);
    expect(decided.mipymeLimitation.decision).toMatchObject({ limited: true });
    expect([...(decided.mipymeLimitation.decision?.validRequestIds ?? [])].sort()).toEqual([first.id, listed[1].id].sort());
    const [version] = await stack.api
      .get(DataSource)
      .query(`SELECT id FROM rule_parameter_versions WHERE parameter = 'mipyme_call_threshold' ORDER BY created_at DESC LIMIT 1`);
    expect(decided.mipymeLimitation.decision?.ruleVersionId).toBe(version.id);
    await request(b, tender.id).expect(409);

    // The buyer may further limit to mipymes domiciled where the work is done, never elsewhere.
    const limitation = { scope: 'municipality', codes: ['05001'], justification: 'Fortalecer el tejido empresarial local' };
    const outside = await asBuyer.put(`/api/v1/tenders/${tender.id}/territorial-limitation`, limitation).expect(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'codes', code: 'outside_execution' });
    const local = (
      await asBuyer.put(`/api/v1/tenders/${tender.id}/territorial-limitation`, { ...limitation, codes: ['15001'] }).expect(200)
    ).body;
    expect(local.mipymeLimitation.territorial).toEqual({ ...limitation, codes: ['15001'] });
  });

  it('does not limit the call with one valid request', async () => {
    const tender = await publishedDraft();
    await request(suppliers[0], tender.id).expect(201);
    await request(suppliers[2], tender.id).expect(201);
    await stack.api.get(TenderLifecycleService).decideLimitationIfDue(tender.id, afterDeadline(tender));
    const decided: TenderView = (await asBuyer.get(`/api/v1/tenders/${tender.id}`).expect(200)).body;
    expect(decided.mipymeLimitation.decision).toMatchObject({ limited: false });
    await asBuyer
      .put(`/api/v1/tenders/${tender.id}/territorial-limitation`, { scope: 'department', codes: ['15'], justification: 'x' })
      .expect(409);
  });

  it('counts the registered suppliers that could serve a lot, by size and department', async () => {
    const lot = { unspscClasses: ['531027'], department: '15', reservedForMipymes: true, reservedForEconomiaPopular: false };
    const lots = [lot, { ...lot, reservedForEconomiaPopular: true }, { ...lot, unspscClasses: ['461816'] }];
    const [counts, popular, boots]: LotMatchCount[] = (await asBuyer.post('/api/v1/tenders/lot-match-counts', { lots }).expect(200)).body;
    expect(counts).toEqual({ total: 3, bySize: { micro: 3, pequena: 0, mediana: 0, grande: 0, unclassified: 0 }, inDepartment: 3 });
    expect(popular.total).toBe(0);
    expect(boots.total).toBe(0);
  });
});
