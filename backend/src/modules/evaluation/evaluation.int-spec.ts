import {
  NO_CLAIMS,
  type AwardView,
  type BidDocumentRef,
  type BidDocumentUpload,
  type BidInput,
  type BidReviewInput,
  type ClosingRecord,
  type EvaluationReport,
  type EvaluationWorkspace,
  type NotificationPage,
  type OpenedBid,
  type TenderView,
} from '@eslabon/contracts';
import { addBusinessDays } from '@eslabon/domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OBJECT_STORAGE, ObjectStorage } from '../../core/storage/object-storage';
import { bogotaToday } from '../../core/time/bogota';
import {
  Browser,
  TestAccount,
  TestStack,
  TestSupplier,
  createAccount,
  createTestStackWithWorker,
  eventually,
  openOnItsDate,
  signedIn,
  supplierWithProfile,
  tenderInput,
  waitForMail,
} from '../../testing';
import { TenderLifecycleService } from '../tenders/tender-lifecycle.service';

describe('opening, evaluation, award and contract', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let asAdmin: Browser;
  let mipyme: TestSupplier;
  let foreign: TestSupplier;
  let tender: TenderView;
  let bootsLot: string;
  const bids: Record<string, string> = {};
  let seedHash = '';
  let certificate: BidDocumentRef;
  const PDF = Buffer.from('%PDF-1.4\n% CERTIFICADO-CAMARA\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  beforeAll(async () => {
    stack = await createTestStackWithWorker({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
    asAdmin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
    mipyme = await supplierWithProfile(stack.api, { nit: '830115297', checkDigit: '6', incomeCop: '300000000' });
    foreign = await supplierWithProfile(stack.api, { nit: '899999068', checkDigit: '1', incomeCop: '90000000000' });
    const draft: TenderView = (
      await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, await tenderInput(stack.api, 'licitacion_publica')).expect(201)
    ).body;
    tender = await openOnItsDate(
      stack.api,
      await stack.api
        .get(TenderLifecycleService)
        .transition(
          draft.id,
          { transition: 'publish_draft' },
          { userId: buyer.userId, organizationId: buyer.organizationId, requestId: null },
        ),
      buyer,
    );
    bootsLot = tender.lots[1].id;
  });
  afterAll(() => stack.close());

  const bid = (priceCop: string, nationalIndustry: BidInput['lots'][number]['nationalIndustry'], component: number | null): BidInput => ({
    lots: [{ lotId: bootsLot, priceCop, nationalIndustry, nationalComponentPercent: component }],
    claims: NO_CLAIMS,
    plural: null,
  });
  const passing = (quality: number): BidReviewInput => ({
    habilitante: 'pass',
    note: null,
    scores: { [bootsLot]: { quality } },
    verified: { ...NO_CLAIMS, nationalStatusVerified: true },
  });

  it('keeps bids unreadable by everyone before closing: buyer, admin, other suppliers, and the database itself', async () => {
    // The mipyme seals its chamber certificate in the habilitantes envelope.
    const upload: BidDocumentUpload = (
      await mipyme.browser
        .upload(`/api/v1/tenders/${tender.id}/bid/documents`, { envelope: 'habilitantes' }, { name: 'camara.pdf', body: PDF })
        .expect(201)
    ).body;
    certificate = { documentId: upload.documentId, envelope: 'habilitantes', name: 'camara.pdf', sha256: upload.sha256 };
    const stored = await stack.api.get<ObjectStorage>(OBJECT_STORAGE).get(`${mipyme.account.organizationId}/${upload.documentId}`);
    expect(stored.includes(Buffer.from('CERTIFICADO-CAMARA'))).toBe(false);
    const foreignRef = await foreign.browser
      .put(`/api/v1/tenders/${tender.id}/bid`, { ...bid('70000000', 'foreign', null), documents: [certificate] })
      .set('Idempotency-Key', 'foreign-borrowed-doc');
    expect(foreignRef.body.errors).toEqual([expect.objectContaining({ field: 'documents.0.documentId', code: 'unknown_document' })]);
    bids.mipyme = (
      await mipyme.browser
        .put(`/api/v1/tenders/${tender.id}/bid`, { ...bid('76000000', 'national_goods', null), documents: [certificate] })
        .set('Idempotency-Key', 'mipyme-bid-1')
        .expect(200)
    ).body.bidId;
    bids.foreign = (
      await foreign.browser
        .put(`/api/v1/tenders/${tender.id}/bid`, bid('70000000', 'foreign_with_component', 20))
        .set('Idempotency-Key', 'foreign-bid-1')
        .expect(200)
    ).body.bidId;

    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/bids/count`).expect(200)).body.bids).toBe(2);
    await asBuyer.put(`/api/v1/tenders/${tender.id}/committee`, { userIds: [buyer.userId] }).expect(200);
    expect((await asBuyer.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(409)).body.code).toBe('not_closed');
    // Not the tender's buyer: as if it did not exist.
    await asAdmin.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(404);
    await foreign.browser.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(404);
    await asBuyer.get(`/api/v1/tenders/${tender.id}/closing-record`).expect(409);
    const rows: { sealed_content: Buffer }[] = await db.query(`SELECT sealed_content FROM bids WHERE tender_id = $1`, [tender.id]);
    expect(rows).toHaveLength(2);
    for (const { sealed_content } of rows)
      expect(sealed_content.toString('latin1')).not.toMatch(/76000000|70000000|national_goods|foreign_with/);
  });

  it('opens them after closing for the committee only, with an acta de cierre for everyone', async () => {
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 second' WHERE id = $1`, [tender.id]);
    // No job has closed it: reading the acta does, since the clock decides.
    const acta: ClosingRecord = (await asAdmin.get(`/api/v1/tenders/${tender.id}/closing-record`).expect(200)).body;
    seedHash = acta.drawSeedSha256;
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(acta.bids.map((b) => b.bidId).sort()).toEqual([bids.mipyme, bids.foreign].sort());
    expect(JSON.stringify(acta)).not.toContain('76000000');
    await asAdmin.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(404);
    // A colleague of the buyer who is not on the committee.
    const colleague = await createAccount(stack.api, 'state_entity', 'buyer');
    await db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'buyer')`, [
      colleague.userId,
      buyer.organizationId,
    ]);
    await db.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id <> $2`, [colleague.userId, buyer.organizationId]);
    expect((await (await signedIn(stack.api, colleague)).get(`/api/v1/tenders/${tender.id}/evaluation`).expect(403)).body.code).toBe(
      'not_on_committee',
    );
    const workspace: EvaluationWorkspace = (await asBuyer.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(200)).body;
    const opened = new Map(workspace.bids.map((b) => [b.bidId, b]));
    expect(opened.get(bids.mipyme)?.lots[0]).toMatchObject({ priceCop: '76000000', nationalIndustry: 'national_goods' });
    expect(opened.get(bids.mipyme)).toMatchObject({ mipyme: true, sizeClass: 'micro', documents: [certificate] });
    const file = await asBuyer
      .get(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.mipyme}/documents/${certificate.documentId}`)
      .expect(200);
    expect(Buffer.from(file.body).equals(PDF) || file.text === PDF.toString()).toBe(true);
    expect(file.headers['content-disposition']).toContain('camara.pdf');
    await foreign.browser
      .get(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.mipyme}/documents/${certificate.documentId}`)
      .expect(404);
    expect(opened.get(bids.foreign)).toMatchObject({ mipyme: false, sizeClass: 'grande' });
    // Nothing is ranked until the habilitante checks pass.
    expect(workspace.rankings[1].lines).toEqual([]);
    expect(workspace.rankings[1].excluded.map((e) => e.reason)).toEqual(['pending_review', 'pending_review']);
  });

  it('records the committee’s checks with field errors, ranks by the criteria, and the national mipyme wins on national-industry points', async () => {
    await asBuyer.put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.mipyme}`, passing(15)).expect(409);
    await asBuyer.post(`/api/v1/tenders/${tender.id}/transitions`, { transition: 'start_evaluation' }).expect(200);
    // With bids to evaluate, void comes only lot by lot through the award.
    const voided = await asBuyer.post(`/api/v1/tenders/${tender.id}/transitions`, { transition: 'declare_void', reason: 'x' }).expect(409);
    expect(voided.body.code).toBe('void_through_award');
    // The evidence confirms or lowers a claim, never grants one the bid did not make.
    const granted = await asBuyer
      .put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.foreign}`, {
        ...passing(15),
        verified: { ...passing(15).verified, disabilityBonus: true },
      })
      .expect(400);
    expect(granted.body.errors).toEqual([expect.objectContaining({ field: 'verified.disabilityBonus', code: 'beyond_claim' })]);
    const bad = await asBuyer
      .put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.mipyme}`, { ...passing(25), habilitante: 'fail' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]).sort()).toEqual([
      ['note', 'required'],
      [`scores.${bootsLot}.quality`, 'points_range'],
    ]);
    const saved: OpenedBid = (await asBuyer.put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.mipyme}`, passing(15)).expect(200))
      .body;
    expect(saved.review).toMatchObject({ habilitante: 'pass', scores: { [bootsLot]: { quality: 15 } } });
    const early = await asBuyer.post(`/api/v1/tenders/${tender.id}/evaluation/report`, { commentUntil: addBusinessDays(bogotaToday(), 5) });
    expect([early.status, early.body.code]).toEqual([409, 'reviews_pending']);
    await asBuyer.put(`/api/v1/tenders/${tender.id}/evaluation/bids/${bids.foreign}`, passing(15)).expect(200);
    // Facts of the registry count as they stood when the bid was submitted: growing "smaller" afterwards changes nothing.
    await db.query(`UPDATE supplier_size_classifications SET size_class = 'micro', mipyme = true WHERE organization_id = $1`, [
      foreign.account.organizationId,
    ]);

    const workspace: EvaluationWorkspace = (await asBuyer.get(`/api/v1/tenders/${tender.id}/evaluation`).expect(200)).body;
    const lines = workspace.rankings[1].lines;
    // Mipyme: price 70 × 70/76 = 64,47 + 10 national + 0,25 mipyme + 15. Foreign: 70 + 0 (20 % < 40 % required) + 15.
    expect(lines.map((l) => [l.bidId, l.rank, l.price, l.nationalIndustryPoints, l.bonuses, l.total])).toEqual([
      [bids.mipyme, 1, 64.47, 10, 0.25, 89.72],
      [bids.foreign, 2, 70, 0, 0, 85],
    ]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'bid' AND action = 'bid.reviewed'`);
    expect(audit).toHaveLength(2);
  });

  it('publishes the report with its seed, takes observations in the comment period, and awards only after it, to the first ranked', async () => {
    await asBuyer.post(`/api/v1/tenders/${tender.id}/evaluation/report`, { commentUntil: bogotaToday() }).expect(400);
    const commentUntil = addBusinessDays(bogotaToday(), 5);
    const report: EvaluationReport = (await asBuyer.post(`/api/v1/tenders/${tender.id}/evaluation/report`, { commentUntil }).expect(201))
      .body;
    // The seed fixed at closing, whose hash the acta published.
    expect(createHash('sha256').update(report.seed).digest('hex')).toBe(seedHash);
    expect(report.tieBreakRule.order[0]).toBe('national_offer');
    // An admin corrects the tie-break order; a second version of the report keeps the first one's rule and seed.
    const reversed = { ...report.tieBreakRule, order: [...report.tieBreakRule.order].reverse() };
    await db.query(
      `INSERT INTO rule_parameter_versions (parameter, period, value, valid_from, source) VALUES ('tie_break', 'all', $1, $2, 'corrección')`,
      [JSON.stringify(reversed), bogotaToday()],
    );
    const second: EvaluationReport = (await asBuyer.post(`/api/v1/tenders/${tender.id}/evaluation/report`, { commentUntil }).expect(201))
      .body;
    expect(second).toMatchObject({ version: 2, seed: report.seed, tieBreakRule: report.tieBreakRule });
    const published: EvaluationReport = (await foreign.browser.get(`/api/v1/tenders/${tender.id}/evaluation/report`).expect(200)).body;
    expect(published.rankings[1].lines[0].bidId).toBe(bids.mipyme);

    const observation = (
      await foreign.browser
        .post(`/api/v1/tenders/${tender.id}/evaluation/observations`, { text: 'Pedimos verificar el RPBN del ganador.' })
        .expect(201)
    ).body;
    const outsider = await supplierWithProfile(stack.api, { nit: '860034313', checkDigit: '7', incomeCop: '300000000' });
    await outsider.browser.post(`/api/v1/tenders/${tender.id}/evaluation/observations`, { text: 'No ofertamos' }).expect(403);
    const decisions = [
      { lotId: tender.lots[0].id, outcome: 'void', reason: 'Ninguna oferta', startDate: null, endDate: null },
      { lotId: bootsLot, outcome: 'awarded', reason: null, startDate: '2027-02-01', endDate: '2027-06-30' },
    ];
    expect((await asBuyer.post(`/api/v1/tenders/${tender.id}/awards`, { decisions }).expect(409)).body.code).toBe('comment_period_open');
    await db.query(`UPDATE evaluation_reports SET comment_until = $2 WHERE tender_id = $1`, [
      tender.id,
      addBusinessDays(bogotaToday(), -2),
    ]);
    expect((await asBuyer.post(`/api/v1/tenders/${tender.id}/awards`, { decisions }).expect(409)).body.code).toBe(
      'observations_unanswered',
    );
    await asBuyer
      .put(`/api/v1/tenders/${tender.id}/evaluation/observations/${observation.id}/answer`, { answer: 'Verificado: RPBN vigente.' })
      .expect(200);
    const noReason = await asBuyer
      .post(`/api/v1/tenders/${tender.id}/awards`, { decisions: [{ ...decisions[0], reason: ' ' }, decisions[1]] })
      .expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.reason', code: 'required' })]);

    const awards: AwardView[] = (await asBuyer.post(`/api/v1/tenders/${tender.id}/awards`, { decisions }).expect(201)).body;
    expect(awards.map((a) => [a.outcome, a.supplierOrganizationId, a.valueCop])).toEqual([
      ['void', null, null],
      ['awarded', mipyme.account.organizationId, '76000000'],
    ]);
    expect(awards[1].contract).toMatchObject({ status: 'active', valueCop: '76000000', nationalComponentPercent: 100 });
    const publicView: AwardView[] = (await foreign.browser.get(`/api/v1/tenders/${tender.id}/awards`).expect(200)).body;
    expect(publicView[1]).toMatchObject({
      supplierName: expect.any(String),
      sizeClass: 'micro',
      nationalIndustry: 'national_goods',
      contract: null,
    });
    expect((await db.query(`SELECT status FROM tenders WHERE id = $1`, [tender.id]))[0].status).toBe('awarded');
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE entity_type IN ('award', 'contract', 'tender') AND entity_id IN (SELECT id::text FROM awards UNION SELECT id::text FROM contracts UNION SELECT $1) ORDER BY id DESC LIMIT 4`,
      [tender.id],
    );
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'award.awarded',
      'award.void',
      'contract.created',
      'tender.awarded',
    ]);
  });

  it('tells both bidders of the decision in the bell and by e-mail, and closes the contract with a rating', async () => {
    for (const s of [mipyme, foreign]) {
      const page = await eventually(async () => {
        const p: NotificationPage = (await s.browser.get('/api/v1/notifications').expect(200)).body;
        return p.items.some((n) => n.kind === 'tender_decided') ? p : undefined;
      });
      expect(page.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['evaluation_report', 'tender_decided']));
      const mail = await waitForMail(s.account.email, /se decidió/);
      expect(mail.text).toContain('adjudicado a');
    }
    const [contract] = (await asBuyer.get(`/api/v1/tenders/${tender.id}/awards`).expect(200)).body
      .filter((a: AwardView) => a.contract)
      .map((a: AwardView) => a.contract);
    const bad = await asBuyer
      .post(`/api/v1/contracts/${contract.id}/close`, { outcome: 'terminated', rating: null, reason: '' })
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    await foreign.browser
      .post(`/api/v1/contracts/${contract.id}/close`, {
        outcome: 'completed',
        rating: { onTime: 5, quality: 4, documentation: 5 },
        reason: null,
      })
      .expect(404);
    const closed = (
      await asBuyer
        .post(`/api/v1/contracts/${contract.id}/close`, {
          outcome: 'completed',
          rating: { onTime: 5, quality: 4, documentation: 5 },
          reason: null,
        })
        .expect(201)
    ).body;
    expect(closed).toMatchObject({ status: 'completed', rating: { onTime: 5, quality: 4, documentation: 5 } });
  });
});
