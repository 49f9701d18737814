import { DataSource } from 'typeorm';
import { QueueProducer } from '../queue/queue-producer';
import { TestStack, createAccount, createTestStackWithWorker, waitForJob } from '../../testing';

describe('retention job', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStackWithWorker()));
  afterAll(() => stack.close());

  it('deletes expired rows and keeps current ones', async () => {
    const db = stack.api.get(DataSource);
    const { userId } = await createAccount(stack.api, 'supplier', 'supplier_admin');
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('old', $1, 'c', now() - interval '1 hour'), ('current', $1, 'c', now() + interval '1 hour')`,
      [userId],
    );
    await db.query(
      `INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ('a@b.co', '1.2.3.4', false, now() - interval '31 days'), ('a@b.co', '1.2.3.4', false, now())`,
    );
    await db.query(
      `INSERT INTO outbox (type, payload, published_at) VALUES ('user.registered', '{}', now() - interval '31 days'), ('user.registered', '{}', NULL)`,
    );

    const queue = stack.api.get(QueueProducer).queue('maintenance');
    const job = await stack.api.get(QueueProducer).add('maintenance', 'prune', {});
    const { returnvalue } = await waitForJob(queue, job.id);
    expect(returnvalue).toMatchObject({ sessions: 1, login_attempts: 1, outbox: 1 });
    expect(await db.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [userId])).toEqual([{ token_hash: 'current' }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n).toBeGreaterThanOrEqual(1);
  });
});
