import type { INestApplicationContext } from '@nestjs/common';
import type { HealthResponse } from '@eslabon/contracts';
import request from 'supertest';
import { QueueProducer } from '../../core/queue/queue-producer';
import { TestStack, createTestStack, createTestWorker, eventually, waitForJob } from '../../testing';
import { WORKER_ID } from './heartbeat.job';

describe('heartbeat job: API → Redis → worker → PostgreSQL', () => {
  let stack: TestStack;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    // A long interval keeps the scheduler quiet, so only the jobs this test adds run.
    stack = await createTestStack({ WORKER_HEARTBEAT_MS: '3600000' });
    workers.push(await createTestWorker(stack.config));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await stack.close();
  });

  const health = async () => (await request(stack.api.getHttpServer()).get('/api/health').expect(200)).body as HealthResponse;

  it('a heartbeat queued by the API is processed by the worker and shows in /api/health', async () => {
    const queue = stack.api.get(QueueProducer).queue('system');
    const job = await stack.api.get(QueueProducer).add('system', 'heartbeat', {});

    const done = await waitForJob(queue, job.id);
    expect(done.returnvalue).toEqual({ workerId: WORKER_ID });

    const after = await health();
    expect(after.status).toBe('ok');
    expect(after.checks.worker.status).toBe('up');
    expect(Date.parse(after.checks.worker.lastHeartbeatAt as string)).toBeGreaterThanOrEqual(job.timestamp - 1_000);
  });

  it('counts the worker processes connected to the queues, and a second worker adds no schedule', async () => {
    // Workers name their Redis connections just after connecting, so the count settles shortly.
    const workerCount = (n: number) => eventually(async () => ((await health()).checks.worker.activeWorkers === n ? n : undefined));
    expect(await workerCount(1)).toBe(1);
    workers.push(await createTestWorker(stack.config));
    expect(await workerCount(2)).toBe(2);
    const schedulers = await stack.api.get(QueueProducer).queue('system').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['system-heartbeat', 3600000]]);
  });

  it('an unknown job on the system queue fails without retries', async () => {
    const queue = stack.api.get(QueueProducer).queue('system');
    const job = await queue.add('no-such-job', {}, { attempts: 5 });
    const failed = await waitForJob(queue, job.id);
    expect(failed.failedReason).toBe('Unknown job "no-such-job" on the system queue');
    expect(failed.attemptsMade).toBe(1);
  });
});
