import type { INestApplicationContext } from '@nestjs/common';
import type { TenderView } from '@eslabon/contracts';
import { DataSource } from 'typeorm';
import { QueueProducer } from '../../core/queue/queue-producer';
import {
  Browser,
  TestAccount,
  TestStack,
  createAccount,
  createTestStack,
  createTestWorker,
  eventually,
  mailsTo,
  openOnItsDate,
  signedIn,
  tenderInput,
  waitForMail,
} from '../../testing';
import { TenderDeadlineScheduler } from './tender-deadlines.job';

describe('tender deadlines and followers in the worker', () => {
  let stack: TestStack;
  let db: DataSource;
  let buyer: TestAccount;
  let asBuyer: Browser;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    stack = await createTestStack({ LOG_LEVEL: 'error' });
    db = stack.api.get(DataSource);
    buyer = await createAccount(stack.api, 'state_entity', 'buyer_admin');
    asBuyer = await signedIn(stack.api, buyer);
  });
  afterAll(async () => {
    await worker?.close();
    await stack.close();
  });

  const openTender = async (): Promise<TenderView> => {
    const input = await tenderInput(stack.api, 'minima_cuantia');
    const draft: TenderView = (await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, input).expect(201)).body;
    return openOnItsDate(stack.api, draft, buyer);
  };
  const statusOf = async (id: string): Promise<string> => (await db.query(`SELECT status FROM tenders WHERE id = $1`, [id]))[0].status;

  it('closes at start-up a tender whose deadline passed while no worker ran, and leaves the others open', async () => {
    const overdue = await openTender();
    const later = await openTender();
    // No worker is running: the deadline passes unnoticed.
    await db.query(`UPDATE tenders SET closing_at = now() - interval '1 minute' WHERE id = $1`, [overdue.id]);
    expect(await statusOf(overdue.id)).toBe('open');

    worker = await createTestWorker(stack.config);
    expect(await statusOf(overdue.id)).toBe('closed');
    expect(await statusOf(later.id)).toBe('open');
    const [audit] = await db.query(`SELECT actor_user_id, summary FROM audit_log WHERE entity_id = $1 AND action = 'tender.closed'`, [
      overdue.id,
    ]);
    expect(audit.actor_user_id).toBeNull();
    // The coming deadline is scheduled as a delayed job named by its instant.
    const queue = stack.api.get(QueueProducer).queue('tenders');
    const job = await eventually(async () => (await queue.getJob(`close-${later.id}-${Date.parse(later.closingAt)}`)) ?? undefined);
    expect(await job.isDelayed()).toBe(true);
  });

  it('e-mails the members of following organizations each answer and adenda, never naming the asker', async () => {
    const tender = await openTender();
    const follower = await createAccount(stack.api, 'supplier', 'supplier_admin');
    const asFollower = await signedIn(stack.api, follower);
    const asker = await createAccount(stack.api, 'supplier', 'supplier_member');
    const asAsker = await signedIn(stack.api, asker);
    await asFollower.put(`/api/v1/tenders/${tender.id}/follow`).expect(204);
    const question = (
      await asAsker.post(`/api/v1/tenders/${tender.id}/questions`, { text: '¿Incluye transporte?', lotId: null }).expect(201)
    ).body;
    await asBuyer.post(`/api/v1/tenders/${tender.id}/questions/${question.id}/answer`, { answer: 'Sí, hasta Tunja.' }).expect(200);
    const answered = await waitForMail(follower.email, new RegExp(`${tender.reference}: nueva respuesta`));
    expect(answered.text).toContain('Pregunta: ¿Incluye transporte?');
    expect(answered.text).toContain('Respuesta: Sí, hasta Tunja.');
    expect(answered.text).toContain(`/procesos/${tender.id}`);
    const [askerOrg] = await db.query(`SELECT name FROM organizations WHERE id = $1`, [asker.organizationId]);
    expect(answered.text).not.toContain(askerOrg.name);
    expect(answered.text).not.toContain(asker.email);
    expect(await mailsTo(asker.email)).toEqual([]);

    const input = await tenderInput(stack.api, 'minima_cuantia');
    await asBuyer
      .post(`/api/v1/tenders/${tender.id}/amendments`, {
        tender: { ...input, description: 'Incluye transporte a Tunja.' },
        reason: 'Respuesta a una pregunta',
      })
      .expect(201);
    const amended = await waitForMail(follower.email, new RegExp(`${tender.reference}: los términos`));
    expect(amended.text).toContain('versión 2');
    expect(amended.text).toContain('Motivo: Respuesta a una pregunta');
  });

  it('closes a tender when its delayed job comes due', async () => {
    const tender = await openTender();
    const soon = new Date(Date.now() + 1_500);
    await db.query(`UPDATE tenders SET closing_at = $2 WHERE id = $1`, [tender.id, soon]);
    const scheduler = (worker as INestApplicationContext).get(TenderDeadlineScheduler);
    const [upcoming] = await scheduler.upcoming(undefined, tender.id);
    await scheduler.schedule(upcoming);
    expect(await statusOf(tender.id)).toBe('open');
    await eventually(async () => ((await statusOf(tender.id)) === 'closed' ? true : undefined), 10_000);
    const [{ closed_at }] = await db.query(`SELECT closed_at FROM tenders WHERE id = $1`, [tender.id]);
    expect(closed_at.getTime()).toBeGreaterThanOrEqual(soon.getTime());
  });
});
