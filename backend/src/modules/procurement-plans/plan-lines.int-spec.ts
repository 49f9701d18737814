import type { BuyerProfileInput, PlanLineInput, PlanLinePage, PlanLineView } from '@eslabon/contracts';
import { nitCheckDigit } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';
import { PlanLinesModule } from './plan-lines.module';

const line: PlanLineInput = {
  year: 2027,
  description: 'Dotación de uniformes para el personal de mantenimiento vial',
  unspscClasses: ['531027'],
  estimatedValueCop: '230000000',
  expectedMonth: 3,
  modality: 'seleccion_abreviada_menor_cuantia',
  productiveBet: 'territories',
};

/** A buyer profile domiciled in `municipality`: the department filter reads it. */
function profile(nit: string, municipality: string): BuyerProfileInput {
  return {
    entityKind: 'territorial_public',
    regime: 'egcap',
    regimeReference: null,
    nit,
    checkDigit: String(nitCheckDigit(nit)),
    municipality,
    annualBudgetSmmlv: 450_000,
    productiveBets: [],
  };
}

describe('procurement plans (Plan Anual de Adquisiciones)', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let otherBuyer: TestAccount;
  let asOtherBuyer: Browser;
  let supplier: TestAccount;
  let asSupplier: Browser;
  let asOtherSupplier: Browser;
  let visitor: Browser;

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' }, [PlanLinesModule]);
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    otherBuyer = await createAccount(stack.api, 'state_company', 'buyer_admin');
    asOtherBuyer = await signedIn(stack.api, otherBuyer);
    supplier = await createAccount(stack.api, 'supplier', 'supplier_admin');
    asSupplier = await signedIn(stack.api, supplier);
    asOtherSupplier = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_member'));
    visitor = new Browser(stack.api);
    // Tunja (Boyacá, 15) and Medellín (Antioquia, 05).
    await asBuyer.put(`/api/v1/buyers/${buyer.organizationId}/profile`, profile('899999068', '15001')).expect(200);
    await asOtherBuyer.put(`/api/v1/buyers/${otherBuyer.organizationId}/profile`, profile('890900608', '05001')).expect(200);
  });
  afterAll(() => stack.close());

  const linesUrl = (account: TestAccount = buyer) => `/api/v1/buyers/${account.organizationId}/plan-lines`;
  const create = async (body: PlanLineInput = line, as = asBuyer, account = buyer): Promise<PlanLineView> =>
    (await as.post(linesUrl(account), body).expect(201)).body;
  const publish = async (id: string, as = asBuyer): Promise<PlanLineView> =>
    (await as.post(`/api/v1/plan-lines/${id}/publish`).expect(200)).body;
  const browse = async (query = '', as = visitor): Promise<PlanLinePage> =>
    (await as.get(`/api/v1/public/plan-lines${query}`).expect(200)).body;
  const lineCount = async (): Promise<number> => Number((await db.query(`SELECT count(*) AS n FROM procurement_plan_lines`))[0].n);
  const auditActions = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT action FROM audit_log WHERE entity_type = 'plan_line' AND entity_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );
  const fields = (body: { errors: { field: string; code: string }[] }) => body.errors.map((e) => [e.field, e.code]);

  it('refuses bad fields with their codes, in Spanish when asked, and saves nothing', async () => {
    const before = await lineCount();
    const bad = await asBuyer
      .post(linesUrl(), {
        ...line,
        year: 1999,
        expectedMonth: 13,
        estimatedValueCop: '12.5',
        modality: 'subasta_secreta',
        productiveBet: 'tourism',
        description: '',
      })
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(fields(bad.body)).toEqual(
      expect.arrayContaining([
        ['year', 'too_small'],
        ['description', 'required'],
        ['estimatedValueCop', 'format'],
        ['expectedMonth', 'too_large'],
        ['modality', 'not_allowed'],
        ['productiveBet', 'not_allowed'],
      ]),
    );
    const unknown = await asBuyer
      .post(linesUrl(), { ...line, unspscClasses: ['531027', '999999'] })
      .set('Accept-Language', 'es-CO')
      .expect(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        field: 'unspscClasses',
        code: 'unknown_unspsc_class',
        messages: ['No existe una clase UNSPSC con ese código.'],
      }),
    ]);
    // Six digits that name no class.
    expect(fields((await asBuyer.post(linesUrl(), { ...line, unspscClasses: ['531000'] }).expect(400)).body)).toEqual([
      ['unspscClasses', 'unknown_unspsc_class'],
    ]);
    expect(fields((await asBuyer.post(linesUrl(), { ...line, unspscClasses: [] }).expect(400)).body)).toEqual([
      ['unspscClasses', 'required'],
    ]);
    expect(fields((await asBuyer.post(linesUrl(), { ...line, unspscClasses: ['5310'] }).expect(400)).body)).toEqual([
      ['unspscClasses', 'format'],
    ]);
    expect(await lineCount()).toBe(before);
  });

  it('creates a draft the buyer sees with its class names, and keeps it to that buyer', async () => {
    const draft = await create({ ...line, unspscClasses: ['531027', '461816', '531027'] });
    expect(draft).toMatchObject({
      ...line,
      unspscClasses: ['531027', '461816'],
      buyer: { organizationId: buyer.organizationId, name: expect.stringContaining('Organización') },
      classes: [
        { code: '531027', name: 'Uniformes' },
        { code: '461816', name: 'Calzado de protección' },
      ],
      published: false,
      publishedAt: null,
      interestCount: 0,
      interested: false,
    });
    expect((await asBuyer.get(`${linesUrl()}?year=2027`).expect(200)).body.map((l: PlanLineView) => l.id)).toEqual([draft.id]);
    expect((await asBuyer.get(`${linesUrl()}?year=2028`).expect(200)).body).toEqual([]);

    // Another organization's line answers 404, exactly like a missing one.
    await asOtherBuyer.put(`/api/v1/plan-lines/${draft.id}`, line).expect(404);
    await asOtherBuyer.post(`/api/v1/plan-lines/${draft.id}/publish`).expect(404);
    await asOtherBuyer.delete(`/api/v1/plan-lines/${draft.id}`).expect(404);
    await asOtherBuyer.get(linesUrl()).expect(404);
    await asSupplier.put(`/api/v1/plan-lines/${draft.id}`, line).expect(404);
    await asBuyer.put(`/api/v1/plan-lines/00000000-0000-4000-8000-000000000000`, line).expect(404);
    await visitor.get(linesUrl()).expect(401);

    // Oversight reads any buyer's plan, drafts included, but does not write it.
    const asOfficer = await signedIn(stack.api, await createAccount(stack.api, 'oversight', 'officer'));
    expect((await asOfficer.get(linesUrl()).expect(200)).body.map((l: PlanLineView) => l.id)).toContain(draft.id);
    await asOfficer.post(linesUrl(), line).expect(404);
  });

  it('shows only published lines to the public, and suppliers mark interest in those only', async () => {
    const draft = await create({ ...line, description: 'Borrador sin publicar' });
    expect((await browse()).items.map((l) => l.id)).not.toContain(draft.id);
    await asSupplier.put(`/api/v1/plan-lines/${draft.id}/interest`).expect(404);
    await asSupplier.put(`/api/v1/plan-lines/not-a-uuid/interest`).expect(404);

    const published = await publish(draft.id);
    expect(published).toMatchObject({ published: true, publishedAt: expect.any(String) });
    // Publishing again keeps the first publication.
    expect((await publish(draft.id)).publishedAt).toBe(published.publishedAt);
    expect((await browse()).items.find((l) => l.id === draft.id)).toMatchObject({ published: true, interested: false });

    await asSupplier.put(`/api/v1/plan-lines/${draft.id}/interest`).expect(204);
    await asSupplier.put(`/api/v1/plan-lines/${draft.id}/interest`).expect(204);
    const seen = async (as: Browser) => (await browse('?year=2027', as)).items.find((l) => l.id === draft.id);
    expect(await seen(asSupplier)).toMatchObject({ interestCount: 1, interested: true });
    expect(await seen(asOtherSupplier)).toMatchObject({ interestCount: 1, interested: false });
    expect(await seen(visitor)).toMatchObject({ interestCount: 1, interested: false });
    // The buyer's demand signal.
    expect((await asBuyer.get(linesUrl()).expect(200)).body.find((l: PlanLineView) => l.id === draft.id).interestCount).toBe(1);

    await asOtherSupplier.put(`/api/v1/plan-lines/${draft.id}/interest`).expect(204);
    expect((await seen(visitor))?.interestCount).toBe(2);
    await asSupplier.delete(`/api/v1/plan-lines/${draft.id}/interest`).expect(204);
    await asSupplier.delete(`/api/v1/plan-lines/${draft.id}/interest`).expect(204);
    expect(await seen(asSupplier)).toMatchObject({ interestCount: 1, interested: false });
    // Buyers do not mark interest.
    await asBuyer.put(`/api/v1/plan-lines/${draft.id}/interest`).expect(403);
  });

  it('filters published lines by UNSPSC class or family and by the buyer’s department, page by page', async () => {
    const boots = await publish((await create({ ...line, year: 2030, unspscClasses: ['461816'], expectedMonth: 2 })).id);
    const uniforms = await publish((await create({ ...line, year: 2030, unspscClasses: ['531027', '531030'], expectedMonth: 5 })).id);
    const medellin = await publish(
      (await create({ ...line, year: 2030, unspscClasses: ['531030'], expectedMonth: 1 }, asOtherBuyer, otherBuyer)).id,
      asOtherBuyer,
    );
    await create({ ...line, year: 2030, unspscClasses: ['531030'] });
    const ids = async (query: string) => (await browse(`?year=2030${query}`)).items.map((l) => l.id);

    expect(await ids('')).toEqual([medellin.id, boots.id, uniforms.id]);
    expect(await ids('&unspsc=531030')).toEqual([medellin.id, uniforms.id]);
    expect(await ids('&unspsc=5310')).toEqual([medellin.id, uniforms.id]);
    expect(await ids('&unspsc=4618')).toEqual([boots.id]);
    expect(await ids('&unspsc=461815')).toEqual([]);
    expect(await ids('&department=15')).toEqual([boots.id, uniforms.id]);
    expect(await ids('&department=05&unspsc=5310')).toEqual([medellin.id]);
    expect(await ids('&department=99')).toEqual([]);

    const page2 = await browse('?year=2030&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((l) => l.id)).toEqual([uniforms.id]);
    expect(fields((await visitor.get('/api/v1/public/plan-lines?unspsc=53&year=1900').expect(400)).body)).toEqual(
      expect.arrayContaining([
        ['year', 'too_small'],
        ['unspsc', 'format'],
      ]),
    );
  });

  it('keeps editing a published line, deletes only drafts, and audits every change', async () => {
    const draft = await create();
    const edited = (await asBuyer.put(`/api/v1/plan-lines/${draft.id}`, { ...line, expectedMonth: 4 }).expect(200)).body;
    expect(edited.expectedMonth).toBe(4);
    await publish(draft.id);
    const revised = (
      await asBuyer.put(`/api/v1/plan-lines/${draft.id}`, { ...line, expectedMonth: 6, estimatedValueCop: '250000000' }).expect(200)
    ).body;
    expect(revised).toMatchObject({ expectedMonth: 6, estimatedValueCop: '250000000', published: true });
    expect((await asBuyer.delete(`/api/v1/plan-lines/${draft.id}`).expect(409)).body.code).toBe('plan_line_published');

    const [audit] = await db.query(
      `SELECT summary, actor_organization_id FROM audit_log WHERE entity_type = 'plan_line' AND entity_id = $1 AND action = 'plan_line.updated' ORDER BY id DESC LIMIT 1`,
      [draft.id],
    );
    expect(audit).toEqual({
      actor_organization_id: buyer.organizationId,
      summary: {
        before: { expectedMonth: 4, estimatedValueCop: '230000000' },
        after: { expectedMonth: 6, estimatedValueCop: '250000000', published: true },
      },
    });

    const scrap = await create({ ...line, description: 'Se descarta' });
    await asBuyer.delete(`/api/v1/plan-lines/${scrap.id}`).expect(204);
    await asBuyer.put(`/api/v1/plan-lines/${scrap.id}`, line).expect(404);
    expect(await auditActions(draft.id)).toEqual(['plan_line.created', 'plan_line.updated', 'plan_line.published', 'plan_line.updated']);
    expect(await auditActions(scrap.id)).toEqual(['plan_line.created', 'plan_line.deleted']);
  });
});
