import type { INestApplicationContext } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, TestStack, createTestStack, createTestWorker, eventually, mailsTo, waitForJob, waitForMail } from '../../testing';
import { QueueProducer } from '../queue/queue-producer';

/** A Redis of this test's own, so it can be stopped and started again; AOF keeps its data like production. */
class OwnRedis {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'eslabon-outbox-redis-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes'],
      {
        stdio: 'ignore',
      },
    );
    await eventually(async () => ((await this.ping()) ? true : undefined), 10_000, 50);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.on('data', (d: Buffer) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.on('error', () => resolve(false));
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('transactional outbox with Redis going away', () => {
  let redis: OwnRedis;
  let stack: TestStack;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    stack = await createTestStack({ REDIS_URL: redis.url });
    worker = await createTestWorker(stack.config);
  });
  afterAll(async () => {
    await worker?.close();
    await stack?.close();
    await redis.stop();
    redis.remove();
  });

  const signUp = (email: string) =>
    request(stack.api.getHttpServer())
      .post('/api/v1/auth/sign-up')
      .send({ organizationKind: 'supplier', organizationName: 'Taller Sur', name: 'Ana', email, password: TEST_PASSWORD, locale: 'es-CO' });

  it('commits while Redis is down and delivers every event exactly once when it is back', async () => {
    const db = stack.api.get(DataSource);
    const emails = Array.from({ length: 3 }, () => `outbox-${randomBytes(4).toString('hex')}@prueba.co`);

    await redis.stop();
    for (const email of emails) await signUp(email).expect(201);
    // Nothing can be relayed meanwhile: the events wait in the outbox.
    await new Promise((r) => setTimeout(r, 1_500));
    const waiting = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL AND type = 'user.registered'`);
    expect(waiting[0].n).toBe(3);

    await redis.start();
    for (const email of emails) await waitForMail(email, /Confirme su correo/, 30_000);
    await eventually(async () => {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
      return row.n === 0 ? true : undefined;
    });

    // The same event arriving again (a relay repeated after a lost commit) has no second effect.
    const [event] = await db.query(`SELECT id, type, payload, occurred_at FROM outbox ORDER BY occurred_at LIMIT 1`);
    const events = stack.api.get(QueueProducer).queue('events');
    const again = await events.add(event.type, {
      id: event.id,
      type: event.type,
      payload: event.payload,
      occurredAt: event.occurred_at.toISOString(),
    });
    expect((await waitForJob(events, again.id)).returnvalue).toEqual({ delivered: [] });

    for (const email of emails) expect(await mailsTo(email)).toHaveLength(1);
    const tokens = await db.query(
      `SELECT count(*)::int AS n FROM one_time_tokens t JOIN users u ON u.id = t.subject_id WHERE u.email = ANY($1) AND t.purpose = 'verify_email'`,
      [emails],
    );
    expect(tokens[0].n).toBe(3);
  }, 60_000);
});
