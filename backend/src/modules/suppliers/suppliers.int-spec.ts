import type { SupplierIdentity, SupplierLegalStanding, SupplierProfileView } from '@eslabon/contracts';
import { existsSync, readdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';

/** 830115297-6 (RULES.md §9); each test supplier gets its own NIT, with the DV computed by hand in RULES.md's examples. */
const identity = (nit: string, checkDigit: string): SupplierIdentity => ({
  personType: 'legal',
  legalName: `Confecciones Prueba ${nit} S.A.S.`,
  tradeName: 'Prueba',
  nit,
  checkDigit,
  legalRepresentative: 'María Fernanda Rojas',
  contactEmail: `ventas${nit}@prueba.co`,
  contactPhone: '+57 310 555 0101',
  domicileMunicipality: '15001',
  coverageScope: 'departments',
  coverageCodes: ['15', '25'],
});

const legal = (incomeCop: string): SupplierLegalStanding => ({
  supplierType: 'company',
  sector: 'servicios',
  incomeCop,
  incomeYear: 2025,
  constitutedOn: '2018-02-01',
  womenLed: { ownership: { women: 3, total: 4, since: '2019-01-01' } },
  tieBreak: { disabilityPayrollPercent: 12 },
  rupNumber: null,
  rupExpiresOn: null,
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe('supplier registry', () => {
  let stack: TestStack;
  let a: TestAccount;
  let b: TestAccount;
  let asA: Browser;
  let asB: Browser;
  let asBuyer: Browser;
  let asAdmin: Browser;

  beforeAll(async () => {
    // A small upload limit, so the oversized case needs no large buffer.
    stack = await createTestStack({ UPLOAD_MAX_SIZE: '4kb', LOG_LEVEL: 'error' });
    a = await createAccount(stack.api, 'supplier', 'supplier_admin');
    b = await createAccount(stack.api, 'supplier', 'supplier_admin');
    asA = await signedIn(stack.api, a);
    asB = await signedIn(stack.api, b);
    asBuyer = await signedIn(stack.api, await createAccount(stack.api, 'state_entity', 'buyer'));
    asAdmin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
  });
  afterAll(() => stack.close());

  const url = (account: TestAccount, path = '') => `/api/v1/suppliers/${account.organizationId}${path}`;
  const profileOf = async (account: TestAccount): Promise<SupplierProfileView> =>
    (await asAdmin.get(url(account, '/profile')).expect(200)).body;
  const auditCount = async () => Number((await stack.api.get(DataSource).query(`SELECT count(*) AS n FROM audit_log`))[0].n);

  it('refuses a wrong NIT check digit with a field error in the caller’s language, and saves nothing', async () => {
    const before = await auditCount();
    const res = await asA
      .put(url(a, '/profile/identity'), identity('830115297', '5'))
      .set('Accept-Language', 'es-CO')
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(res.body.errors).toEqual([
      {
        pointer: '/checkDigit',
        field: 'checkDigit',
        code: 'nit_check_digit',
        messages: ['El dígito de verificación no corresponde a este NIT.'],
      },
    ]);
    expect((await profileOf(a)).identity).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it('refuses an unknown municipality and unknown coverage codes, each on its field', async () => {
    const res = await asA
      .put(url(a, '/profile/identity'), { ...identity('830115297', '6'), domicileMunicipality: '99999', coverageCodes: ['15', '98'] })
      .expect(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['domicileMunicipality', 'unknown_municipality'],
      ['coverageCodes.1', 'unknown_department'],
    ]);
    expect((await profileOf(a)).identity).toBeNull();
  });

  it('saves identity, then refuses a negative income without touching what was saved', async () => {
    await asA.put(url(a, '/profile/identity'), identity('830115297', '6')).expect(200);
    const res = await asA.put(url(a, '/profile/legal'), legal('-1000')).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'incomeCop', code: 'negative_income' })]);
    const profile = await profileOf(a);
    expect(profile.identity?.legalName).toBe('Confecciones Prueba 830115297 S.A.S.');
    expect(profile.legal).toBeNull();
    expect(profile.size).toBeNull();
  });

  it('refuses women-led evidence that cannot be true, each part on its field', async () => {
    const res = await asA
      .put(url(a, '/profile/legal'), {
        ...legal('1000'),
        womenLed: { ownership: { women: 5, total: 4, since: '2019-01-01' }, soleProprietorSince: '2999-01-01' },
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['womenLed.ownership.women', 'too_large'],
      ['womenLed.soleProprietorSince', 'future_date'],
    ]);
    expect((await profileOf(a)).legal).toBeNull();
  });

  it('computes the size class with the rule versions it used (Decreto 957: servicios 2025, micro up to COP 1.642.769.412)', async () => {
    const profile: SupplierProfileView = (await asA.put(url(a, '/profile/legal'), { ...legal('1600000000'), acfc: true }).expect(200)).body;
    // Declared small producer of the ACFC (Ley 2046), which the food-purchase report reads.
    expect(profile.legal?.acfc).toBe(true);
    expect(profile.size).toMatchObject({
      sizeClass: 'micro',
      incomeYear: 2025,
      uvtCop: 49_799,
      mipyme: true,
      boundsUvt: { from: null, to: 32_988 },
    });
    expect(profile.womenLedCriteria).toEqual(['ownership']);
    expect(profile.completeness.completedSteps).toEqual(['identity', 'legal']);
  });

  it('classifies later saves with a new UVT version, and keeps the earlier classification as it was', async () => {
    const old = (await profileOf(a)).size as NonNullable<SupplierProfileView['size']>;
    expect(old.sizeClass).toBe('micro');
    // An admin corrects the 2025 UVT: 32.988 × 45.000 = 1.484.460.000, so 1.600 millones is no longer micro.
    const version = await asAdmin
      .post('/api/v1/reference/rule-parameters', {
        parameter: 'uvt',
        period: '2025',
        value: 45_000,
        validFrom: '2025-01-01',
        source: 'Corrección de prueba',
      })
      .expect(201);
    await asB.put(url(b, '/profile/identity'), identity('899999068', '1')).expect(200);
    const fresh: SupplierProfileView = (await asB.put(url(b, '/profile/legal'), legal('1600000000')).expect(200)).body;
    expect(fresh.size).toMatchObject({ sizeClass: 'pequena', uvtCop: 45_000, uvtVersionId: version.body.id });
    expect((await profileOf(a)).size).toEqual(old);
    const [stored] = await stack.api
      .get(DataSource)
      .query(`SELECT size_class, uvt_version_id FROM supplier_size_classifications WHERE id = $1`, [
        (
          await stack.api
            .get(DataSource)
            .query(`SELECT size_classification_id FROM supplier_profiles WHERE organization_id = $1`, [a.organizationId])
        )[0].size_classification_id,
      ]);
    expect(stored).toEqual({ size_class: 'micro', uvt_version_id: old.uvtVersionId });
    // A's next save uses the version in force.
    const resaved: SupplierProfileView = (await asA.put(url(a, '/profile/legal'), legal('1600000000')).expect(200)).body;
    expect(resaved.size).toMatchObject({ sizeClass: 'pequena', uvtVersionId: version.body.id });
  });

  it('refuses unknown UNSPSC classes by position and saves valid capabilities', async () => {
    const bad = await asA
      .put(url(a, '/profile/capabilities'), {
        unspscClasses: ['531021', '999999'],
        description: 'Dotación',
        certifications: '',
        productionCapacity: '',
        nationalProducts: [],
      })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'unspscClasses.1', code: 'unknown_unspsc_class' })]);
    const ok: SupplierProfileView = (
      await asA
        .put(url(a, '/profile/capabilities'), {
          unspscClasses: ['531021', '461815'],
          description: 'Confección de dotación y uniformes',
          certifications: 'ISO 9001',
          productionCapacity: '2.000 prendas al mes',
          nationalProducts: [
            { name: 'Overol industrial', unspscClass: '531021', rpbnNumber: 'RPBN-1', rpbnExpiresOn: '2099-01-01' },
            { name: 'Chaqueta', unspscClass: '531021', rpbnNumber: 'RPBN-2', rpbnExpiresOn: '2020-01-01' },
          ],
        })
        .expect(200)
    ).body;
    expect(ok.classes.map((c) => c.code)).toEqual(['461815', '531021']);
    expect(ok.nationalProducts.map((p) => [p.rpbnNumber, p.expired])).toEqual([
      ['RPBN-2', true],
      ['RPBN-1', false],
    ]);
  });

  it.each([
    ['an oversized file', { name: 'grande.pdf', body: Buffer.concat([PDF, Buffer.alloc(5000)]) }, 413, 'file_too_large'],
    ['HTML named .pdf', { name: 'rut.pdf', body: Buffer.from('<html><script>alert(1)</script></html>') }, 400, 'file_type'],
    ['no file', undefined, 400, 'file_required'],
  ])('refuses %s and stores nothing', async (_what, file, status, code) => {
    const res = await asA.upload(url(a, '/documents'), { type: 'rut' }, file).expect(status);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code })]);
    expect((await profileOf(a)).documents).toEqual([]);
    const dir = stack.config.storageDir;
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('-')) : []).toEqual([]);
  });

  it('refuses an unknown document type and stores nothing', async () => {
    const res = await asA.upload(url(a, '/documents'), { type: 'pasaporte' }, { name: 'rut.pdf', body: PDF }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'type', code: 'not_allowed' })]);
    expect((await profileOf(a)).documents).toEqual([]);
  });

  it('keeps documents to their organization (and to platform admins and officers)', async () => {
    const doc = (await asA.upload(url(a, '/documents'), { type: 'rut' }, { name: 'RUT 2025.pdf', body: PDF }).expect(201)).body;
    expect(doc).toMatchObject({ type: 'rut', contentType: 'application/pdf', sizeBytes: PDF.length, fileName: 'RUT 2025.pdf' });
    const mine = await asA
      .get(url(a, `/documents/${doc.id}`))
      .buffer(true)
      .expect(200);
    expect(Buffer.compare(mine.body, PDF)).toBe(0);
    expect(mine.headers['content-disposition']).toMatch(/^attachment/);
    // Another organization's resources answer 404, exactly like missing ones.
    await asB.get(url(a, `/documents/${doc.id}`)).expect(404);
    await asB.get(url(a, '/profile')).expect(404);
    await asBuyer.get(url(a, `/documents/${doc.id}`)).expect(404);
    await asB.get(url(b, `/documents/${doc.id}`)).expect(404);
    await asAdmin.get(url(a, `/documents/${doc.id}`)).expect(200);
    await asB.delete(url(a, `/documents/${doc.id}`)).expect(404);
  });

  it('lets a buyer find the supplier by class and department, without private data', async () => {
    const res = await asBuyer.get('/api/v1/suppliers?unspsc=531021&department=15').expect(200);
    expect(res.body.total).toBe(1);
    const [found] = res.body.items;
    expect(found).toMatchObject({
      organizationId: a.organizationId,
      sizeClass: 'pequena',
      womenLed: true,
      domicile: { code: '15001', departmentCode: '15' },
    });
    expect(found).not.toHaveProperty('incomeCop');
    expect(found).not.toHaveProperty('documents');
    expect(JSON.stringify(found)).not.toContain('1600000000');
    expect((await asBuyer.get('/api/v1/suppliers?unspsc=5310&department=05').expect(200)).body.total).toBe(0);
    expect(
      (await asBuyer.get('/api/v1/suppliers?nationalProducts=true&womenLed=true').expect(200)).body.items.map(
        (s: { organizationId: string }) => s.organizationId,
      ),
    ).toEqual([a.organizationId]);
    const other = await asB.get(url(a)).expect(200);
    expect(other.body).not.toHaveProperty('legal');
    await asBuyer.get('/api/v1/suppliers?size=enorme').expect(400);
    // Typed % is a letter, not a wildcard; a page past the end still tells the total.
    expect((await asBuyer.get('/api/v1/suppliers?q=%25').expect(200)).body.total).toBe(0);
    expect((await asBuyer.get('/api/v1/suppliers?q=confecciones%20prueba').expect(200)).body.total).toBe(2);
    // Capitals and one typo in a long word do not matter; a short word must be spelt right.
    expect((await asBuyer.get('/api/v1/suppliers?q=CONFECSIONES%20prueba').expect(200)).body.total).toBe(2);
    expect((await asBuyer.get('/api/v1/suppliers?q=confecciones%20pxq').expect(200)).body.total).toBe(0);
    const past = await asBuyer.get('/api/v1/suppliers?page=9&pageSize=1').expect(200);
    expect(past.body).toMatchObject({ items: [], total: 2, totalCapped: false, page: 9 });
    await asBuyer.get('/api/v1/suppliers?page=501').expect(400);
  });

  it('refuses a NIT another supplier registered, even when both save at once', async () => {
    const res = await asB.put(url(b, '/profile/identity'), identity('830115297', '6')).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'nit', code: 'nit_taken' })]);
    const c = await createAccount(stack.api, 'supplier', 'supplier_admin');
    const d = await createAccount(stack.api, 'supplier', 'supplier_admin');
    const [asC, asD] = await Promise.all([signedIn(stack.api, c), signedIn(stack.api, d)]);
    const race = await Promise.all([
      asC.put(url(c, '/profile/identity'), identity('890903938', '8')),
      asD.put(url(d, '/profile/identity'), identity('890903938', '8')),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(race.find((r) => r.status === 400)?.body.errors).toEqual([expect.objectContaining({ field: 'nit', code: 'nit_taken' })]);
  });

  it('lets only a platform admin verify, and a rejection needs a reason', async () => {
    await asA.put(`/api/v1/admin/suppliers/${a.organizationId}/verification`, { status: 'verified' }).expect(403);
    const noReason = await asAdmin.put(`/api/v1/admin/suppliers/${a.organizationId}/verification`, { status: 'rejected' }).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    const rejected = await asAdmin
      .put(`/api/v1/admin/suppliers/${a.organizationId}/verification`, { status: 'rejected', reason: 'El RUT no es legible' })
      .expect(200);
    expect(rejected.body.verification).toMatchObject({ status: 'rejected', reason: 'El RUT no es legible' });
    // Correcting a declared fact sends the profile back for review; a contact detail does not.
    const verified = await asAdmin.put(`/api/v1/admin/suppliers/${a.organizationId}/verification`, { status: 'verified' }).expect(200);
    expect(verified.body.verification.status).toBe('verified');
    const phone = await asA
      .put(url(a, '/profile/identity'), { ...identity('830115297', '6'), contactPhone: '+57 311 000 0000' })
      .expect(200);
    expect(phone.body.verification.status).toBe('verified');
    const income = await asA.put(url(a, '/profile/legal'), legal('900000000')).expect(200);
    expect(income.body.verification).toEqual({ status: 'unverified', reason: null, decidedAt: null });
    const trail = await stack.api
      .get(DataSource)
      .query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [a.organizationId]);
    expect(trail.map((t: { action: string }) => t.action)).toEqual(
      expect.arrayContaining([
        'supplier_profile.identity_saved',
        'supplier.size_classified',
        'supplier_profile.legal_saved',
        'supplier_profile.capabilities_saved',
        'supplier_profile.rejected',
        'supplier_profile.verified',
      ]),
    );
  });
});
