import type { INestApplicationContext } from '@nestjs/common';
import type { HealthResponse } from '@eslabon/contracts';
import request from 'supertest';
import { QueueProducer } from '../../core/queue/queue-producer';
import { TestStack, createTestStack, createTestWorker, eventually } from '../../testing';
import { WORKER_ID } from './heartbeat.job';

describe('heartbeat job: API → Redis → worker → PostgreSQL', () => {
  let stack: TestStack;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // A long interval keeps the scheduler quiet, so only the jobs this test adds run.
    stack = await createTestStack({ WORKER_HEARTBEAT_MS: '3600000' });
    worker = await createTestWorker(stack.config);
  });

  afterAll(async () => {
    await worker?.close();
    await stack.close();
  });

  it('a heartbeat queued by the API is processed by the worker and shows in /api/health', async () => {
    const producer = stack.api.get(QueueProducer);
    const job = await producer.add('system', 'heartbeat', { requestedAt: new Date().toISOString() });

    const finished = await eventually(async () => {
      const state = await producer.queue('system').getJobState(job.id as string);
      return state === 'completed' ? state : undefined;
    });
    expect(finished).toBe('completed');
    expect((await producer.queue('system').getJob(job.id as string))?.returnvalue).toEqual({ workerId: WORKER_ID });

    const res = await request(stack.api.getHttpServer()).get('/api/health').expect(200);
    const health = res.body as HealthResponse;
    expect(health.status).toBe('ok');
    expect(health.checks.worker.status).toBe('up');
    expect(health.checks.worker.activeWorkers).toBe(1);
    expect(Date.now() - Date.parse(health.checks.worker.lastHeartbeatAt as string)).toBeLessThan(60_000);
  });

  it('the worker registers one shared heartbeat schedule', async () => {
    const schedulers = await stack.api.get(QueueProducer).queue('system').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['system-heartbeat', 3600000]]);
  });

  it('an unknown job on the system queue fails without retries', async () => {
    const queue = stack.api.get(QueueProducer).queue('system');
    const job = await queue.add('no-such-job', {}, { attempts: 5 });
    const failed = await eventually(async () => {
      const current = await queue.getJob(job.id as string);
      return current?.failedReason ? current : undefined;
    });
    expect(failed.failedReason).toBe('Unknown job "no-such-job" on the system queue');
    expect(failed.attemptsMade).toBe(1);
  });
});
