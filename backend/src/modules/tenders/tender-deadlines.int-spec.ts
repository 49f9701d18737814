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
  signedIn,
  tenderInput,
} from '../../testing';
import { TenderDeadlineScheduler } from './tender-deadlines.job';

describe('tender deadlines in the worker', () => {
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
    return (await asBuyer.post(`/api/v1/tenders/${draft.id}/transitions`, { transition: 'open' }).expect(200)).body;
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
