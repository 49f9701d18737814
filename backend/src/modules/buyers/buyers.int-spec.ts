import type { BuyerProfileInput } from '@eslabon/contracts';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';

const input: BuyerProfileInput = {
  entityKind: 'territorial_public',
  regime: 'egcap',
  regimeReference: null,
  nit: '899999068',
  checkDigit: '1',
  municipality: '15001',
  annualBudgetSmmlv: 450_000,
  productiveBets: ['agroindustry', 'territories'],
};

describe('buyer profiles', () => {
  let stack: TestStack;
  let buyer: TestAccount;
  let asBuyerAdmin: Browser;
  beforeAll(async () => {
    stack = await createTestStack();
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyerAdmin = await signedIn(stack.api, buyer);
  });
  afterAll(() => stack.close());

  const url = () => `/api/v1/buyers/${buyer.organizationId}/profile`;

  it('answers 404 profile_not_found until it is filled in', async () => {
    expect((await asBuyerAdmin.get(url()).expect(404)).body.code).toBe('profile_not_found');
  });

  it('refuses a wrong check digit, an unknown municipality and a special regime without its manual, all at once', async () => {
    const res = await asBuyerAdmin.put(url(), { ...input, checkDigit: '2', municipality: '99999', regime: 'special' }).expect(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['checkDigit', 'nit_check_digit'],
      ['regimeReference', 'required'],
      ['municipality', 'unknown_municipality'],
    ]);
    await asBuyerAdmin.get(url()).expect(404);
  });

  it('derives menor and mínima cuantía from the budget band and the SMMLV in force (Ley 1150 art. 2)', async () => {
    const res = await asBuyerAdmin.put(url(), input).expect(200);
    // 450.000 SMMLV is in the 400.000–850.000 band: 650 SMMLV; 2026 SMMLV COP 1.750.905.
    expect(res.body).toMatchObject({
      departmentCode: '15',
      cuantias: { smmlvYear: 2026, menorCuantiaSmmlv: 650, menorCuantiaCop: '1138088250', minimaCuantiaCop: '113808825' },
    });
    const special = await asBuyerAdmin
      .put(url(), { ...input, entityKind: 'state_company', regime: 'special', regimeReference: 'Manual de contratación 2024' })
      .expect(200);
    expect(special.body.cuantias).toBeNull();
  });

  // Resources of an organization the caller may not act for answer 404, like missing ones.
  it('is edited only by the buyer’s administrators', async () => {
    const supplier = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_admin'));
    await supplier.put(url(), input).expect(404);
    const plainBuyer = await createAccount(stack.api, 'state_entity', 'buyer');
    await (await signedIn(stack.api, plainBuyer)).put(`/api/v1/buyers/${plainBuyer.organizationId}/profile`, input).expect(404);
  });
});
