import type { QuestionView, TenderInput, TenderVersionView, TenderView } from '@eslabon/contracts';
import { addBusinessDays, bogotaInstant } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import { bogotaToday } from '../../core/time/bogota';
import { Browser, TestAccount, TestStack, createAccount, createTestStack, openOnItsDate, signedIn, tenderInput } from '../../testing';
import { TenderLifecycleService } from './tender-lifecycle.service';

describe('tenders: drafts, lifecycle, questions and adendas', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let asOtherBuyer: Browser;
  let supplierA: TestAccount;
  let asA: Browser;
  let asB: Browser;
  let input: TenderInput;

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    asOtherBuyer = await signedIn(stack.api, await createAccount(stack.api, 'state_entity', 'buyer_admin'));
    supplierA = await createAccount(stack.api, 'supplier', 'supplier_admin');
    asA = await signedIn(stack.api, supplierA);
    asB = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_admin'));
    input = await tenderInput(stack.api);
  });
  afterAll(() => stack.close());

  const create = async (body: TenderInput = input): Promise<TenderView> =>
    (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, body).expect(201)).body;
  const transition = (id: string, transition: string, reason?: string) =>
    asBuyer.post(`/api/v1/tenders/${id}/transitions`, { transition, ...(reason ? { reason } : {}) });
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
  const auditActions = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT action FROM audit_log WHERE entity_type = 'tender' AND entity_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );
  /** The events of a tender in commit order (events of one transaction share a timestamp: those by name). */
  const events = async (id: string): Promise<string[]> =>
    (await db.query(`SELECT type FROM outbox WHERE payload->>'tenderId' = $1 ORDER BY occurred_at, type`, [id])).map(
      (r: { type: string }) => r.type,
    );

  it('refuses broken terms field by field, in Spanish when asked, and saves nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM tenders`, []);
    const bad: TenderInput = {
      ...input,
      estimatedValueCop: '1',
      schedule: { ...input.schedule, closing: input.schedule.opening },
      criteria: { ...input.criteria, nationalIndustryPoints: 25 },
      lots: [{ ...input.lots[0], unspscClasses: ['999999'] }, input.lots[1]],
    };
    const res = await asBuyer
      .post(`/api/v1/buyers/${buyer.organizationId}/tenders`, bad)
      .set('Accept-Language', 'es-CO')
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['schedule.closing', 'out_of_order'],
        ['schedule.closing', 'too_soon'],
        ['criteria.nationalIndustryPoints', 'national_industry_band'],
        ['estimatedValueCop', 'lots_total_mismatch'],
        ['lots.0.unspscClasses', 'unknown_unspsc_class'],
      ]),
    );
    expect(res.body.errors.find((e: { field: string }) => e.field === 'lots.0.unspscClasses').messages[0]).toMatch(/UNSPSC/);
    expect(await count(`SELECT count(*) AS n FROM tenders`, [])).toBe(before);
  });

  it('keeps a draft to its buyer: other buyers, suppliers and visitors get 404', async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      status: 'draft',
      version: 0,
      lotCount: 2,
      reservedForMipymes: true,
      allowedTransitions: ['publish_draft'],
    });
    expect(draft.reference).toMatch(/^ESL-\d{4}-\d{6}$/);
    await asOtherBuyer.get(`/api/v1/tenders/${draft.id}`).expect(404);
    await asOtherBuyer.put(`/api/v1/tenders/${draft.id}`, input).expect(404);
    await asA.get(`/api/v1/public/tenders/${draft.id}`).expect(404);
    await new Browser(stack.api).get(`/api/v1/public/tenders/${draft.id}`).expect(404);
    const list = (await new Browser(stack.api).get('/api/v1/public/tenders').expect(200)).body;
    expect(list.items.map((t: TenderView) => t.id)).not.toContain(draft.id);
  });

  it('runs the lifecycle with an audit row and an outbox event for each transition', async () => {
    const tender = await create();
    const edited = (await asBuyer.put(`/api/v1/tenders/${tender.id}`, { ...input, title: 'Dotación 2027' }).expect(200)).body;
    expect(edited.title).toBe('Dotación 2027');

    const published: TenderView = (await transition(tender.id, 'publish_draft').expect(200)).body;
    expect(published).toMatchObject({ status: 'published_draft', version: 1, allowedTransitions: ['open', 'cancel'] });
    await asBuyer.put(`/api/v1/tenders/${tender.id}`, input).expect(409);
    await transition(tender.id, 'start_evaluation').expect(409);

    // Not before its opening date, nor before the mipyme request window has closed.
    const early = await transition(tender.id, 'open').expect(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'schedule.opening', code: 'before_opening' });
    const opened = await openOnItsDate(stack.api, published, buyer);
    expect(opened.status).toBe('open');
    expect(opened.openedAt).not.toBeNull();

    const lifecycle = stack.api.get(TenderLifecycleService);
    expect(await lifecycle.closeIfDue(tender.id, new Date(Date.parse(opened.closingAt) - 1000))).toBe(false);
    expect(await lifecycle.closeIfDue(tender.id, new Date(opened.closingAt))).toBe(true);
    expect(await lifecycle.closeIfDue(tender.id, new Date(opened.closingAt))).toBe(false);

    await transition(tender.id, 'start_evaluation').expect(200);
    await transition(tender.id, 'declare_void').expect(400);
    const voided: TenderView = (
      await transition(tender.id, 'declare_void', 'Ninguna oferta cumplió los requisitos habilitantes').expect(200)
    ).body;
    expect(voided).toMatchObject({
      status: 'void',
      statusReason: 'Ninguna oferta cumplió los requisitos habilitantes',
      allowedTransitions: [],
    });

    expect(await auditActions(tender.id)).toEqual([
      'tender.created',
      'tender.draft_saved',
      'tender.publish_draft',
      'tender.open',
      'tender.limitation_decided',
      'tender.closed',
      'tender.start_evaluation',
      'tender.declare_void',
    ]);
    expect(await events(tender.id)).toEqual([
      'tender.published',
      'tender.limitation_decided',
      'tender.opened',
      'tender.closed',
      'tender.evaluation_started',
      'tender.voided',
    ]);
  });

  it('publishes questions with their answers and never with who asked', async () => {
    const tender = await create();
    await transition(tender.id, 'publish_draft').expect(200);
    const lotId = tender.lots[1].id;
    const asked: QuestionView = (
      await asA.post(`/api/v1/tenders/${tender.id}/questions`, { text: '¿Se aceptan botas dieléctricas?', lotId }).expect(201)
    ).body;
    expect(asked.mine).toBe(true);
    await asBuyer.post(`/api/v1/tenders/${tender.id}/questions`, { text: 'x', lotId: null }).expect(403);
    await asBuyer
      .post(`/api/v1/tenders/${tender.id}/questions/${asked.id}/answer`, { answer: 'Sí, si cumplen la norma NTC 2396.' })
      .expect(200);

    const seenByB = await asB.get(`/api/v1/public/tenders/${tender.id}/questions`).expect(200);
    expect(seenByB.body).toEqual([
      expect.objectContaining({ lotId, text: '¿Se aceptan botas dieléctricas?', answer: 'Sí, si cumplen la norma NTC 2396.', mine: false }),
    ]);
    const [asker] = await db.query(`SELECT o.name, u.email FROM organizations o, users u WHERE o.id = $1 AND u.id = $2`, [
      supplierA.organizationId,
      supplierA.userId,
    ]);
    for (const secret of [supplierA.organizationId, supplierA.userId, asker.name, asker.email])
      expect(JSON.stringify(seenByB.body)).not.toContain(secret);
    const seenByA = (await asA.get(`/api/v1/public/tenders/${tender.id}/questions`).expect(200)).body;
    expect(seenByA[0].mine).toBe(true);
    expect(await events(tender.id)).toContain('tender.question_answered');
  });

  it('refuses questions after the questions deadline', async () => {
    const tender = await create();
    await transition(tender.id, 'publish_draft').expect(200);
    // The deadline passed: move the schedule back as time would have.
    await db.query(`UPDATE tenders SET schedule = jsonb_set(schedule, '{questionsDeadline}', to_jsonb($2::text)) WHERE id = $1`, [
      tender.id,
      addBusinessDays(bogotaToday(), -1),
    ]);
    const res = await asA.post(`/api/v1/tenders/${tender.id}/questions`, { text: '¿Plazo de entrega?', lotId: null }).expect(409);
    expect(res.body.code).toBe('questions_closed');
  });

  it('versions adendas with their field changes, and extends a closing that an adenda comes too close to', async () => {
    const tender = await create();
    await transition(tender.id, 'publish_draft').expect(200);
    const draftChange = { ...input, description: 'Incluye tallas grandes.' };
    await asBuyer
      .post(`/api/v1/tenders/${tender.id}/amendments`, { tender: draftChange, reason: 'Observación de un interesado' })
      .expect(201);
    await openOnItsDate(stack.api, tender, buyer);
    await asBuyer.post(`/api/v1/tenders/${tender.id}/amendments`, { tender: draftChange, reason: 'Nada' }).expect(400);
    const modalityChange = { ...draftChange, modality: 'minima_cuantia' };
    const refused = await asBuyer.post(`/api/v1/tenders/${tender.id}/amendments`, { tender: modalityChange, reason: 'x' }).expect(400);
    expect(refused.body.errors[0].field).toBe('tender.modality');

    // The adenda comes one business day before closing: the rule wants three.
    const dayBefore = addBusinessDays(input.schedule.closing, -1);
    const adenda = {
      ...draftChange,
      lots: [draftChange.lots[0], { ...draftChange.lots[1], quantity: '450', estimatedValueCop: '80000000' }],
    };
    const actor = { userId: buyer.userId, organizationId: buyer.organizationId, requestId: null };
    const amended = await stack.api
      .get(TenderLifecycleService)
      .amend(tender.id, { tender: adenda, reason: 'Se amplían las cantidades' }, actor, bogotaInstant(dayBefore, '09:00'));
    expect(amended.version).toBe(3);
    expect(amended.schedule.closing).toBe(addBusinessDays(dayBefore, 3));

    const versions: TenderVersionView[] = (await asB.get(`/api/v1/public/tenders/${tender.id}/versions`).expect(200)).body;
    expect(versions.map((v) => [v.number, v.kind, v.closingExtended])).toEqual([
      [1, 'publication', false],
      [2, 'draft_change', false],
      [3, 'adenda', true],
    ]);
    expect(versions[1].changes).toEqual([{ path: 'description', before: input.description, after: 'Incluye tallas grandes.' }]);
    expect(versions[2].changes).toEqual(
      expect.arrayContaining([
        { path: 'schedule.closing', before: input.schedule.closing, after: addBusinessDays(dayBefore, 3) },
        { path: 'lots.1.quantity', before: '400', after: '450' },
      ]),
    );
    expect(versions[2].snapshot.lots[1].quantity).toBe('450');
    const [event] = await db.query(
      `SELECT payload FROM outbox WHERE type = 'tender.amended' AND payload->>'tenderId' = $1 AND payload->>'version' = '3'`,
      [tender.id],
    );
    expect(event.payload).toEqual({ tenderId: tender.id, version: 3, reconfirm: true, closingExtended: true });
    // The lots kept their ids, so questions about a lot stay about it.
    expect(amended.lots.map((l) => l.id)).toEqual(tender.lots.map((l) => l.id));
  });

  it('keeps the mipyme request deadline suppliers relied on, and changes nothing once the closing has come', async () => {
    const tender = await create();
    await transition(tender.id, 'publish_draft').expect(200);
    const earlier = { ...input.schedule, mipymeRequestDeadline: addBusinessDays(bogotaToday(), -1) };
    const moved = await asBuyer
      .post(`/api/v1/tenders/${tender.id}/amendments`, { tender: { ...input, schedule: earlier }, reason: 'Acortar' })
      .expect(400);
    expect(moved.body.errors[0]).toMatchObject({ field: 'tender.schedule.mipymeRequestDeadline', code: 'deadline_kept' });

    await openOnItsDate(stack.api, tender, buyer);
    // The closing instant passed and no job has closed it yet: the buyer cannot reopen bidding by adenda.
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 minute' WHERE id = $1`, [tender.id]);
    const late = await asBuyer
      .post(`/api/v1/tenders/${tender.id}/amendments`, { tender: { ...input, description: 'Otra' }, reason: 'Tarde' })
      .expect(409);
    expect(late.body.code).toBe('not_amendable');
  });

  it('counts registered suppliers that could serve each lot, by size', async () => {
    const res = await asBuyer
      .post('/api/v1/tenders/lot-match-counts', {
        lots: [{ unspscClasses: ['531027'], department: '15', reservedForMipymes: true, reservedForEconomiaPopular: false }],
      })
      .expect(200);
    expect(res.body).toEqual([{ total: 0, bySize: { micro: 0, pequena: 0, mediana: 0, grande: 0, unclassified: 0 }, inDepartment: 0 }]);
    await asA.post('/api/v1/tenders/lot-match-counts', { lots: [] }).expect(403);
  });
});
