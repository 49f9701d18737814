import { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Job, Queue } from 'bullmq';
import { ServerConfig, parseServerConfig } from '@eslabon/config';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { configureApp } from '../core/http/configure-app';
import { WorkerModule } from '../worker.module';
import { TEST_ENV, TestDatabase, createTestDatabase, requireTestEnv } from './test-database';

/** Configuration for one test file: its own database and its own queue prefix on the shared Redis. */
export function testConfig(database: TestDatabase, env: Record<string, string> = {}): ServerConfig {
  return parseServerConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: requireTestEnv(TEST_ENV.redisUrl),
    SMTP_URL: requireTestEnv('SMTP_URL'),
    QUEUE_PREFIX: `eslabon-test-${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: join(tmpdir(), `eslabon-test-uploads-${randomBytes(4).toString('hex')}`),
    BID_MASTER_KEY: randomBytes(32).toString('base64'),
    ...env,
  });
}

/** The real API with the real HTTP setup (pipes, filters, headers), optionally with extra test-only modules. */
export async function createTestApi(config: ServerConfig, extraModules: Type[] = []): Promise<NestExpressApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config), ...extraModules] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  await app.init();
  return app;
}

export async function createTestWorker(config: ServerConfig): Promise<INestApplicationContext> {
  const worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
  await worker.init();
  return worker;
}

export interface TestStack {
  database: TestDatabase;
  config: ServerConfig;
  api: INestApplication;
  close(): Promise<void>;
}

/** A migrated database of its own plus the API on top of it; `close` tears both down. */
export async function createTestStack(env: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestStack> {
  const database = await createTestDatabase();
  const config = testConfig(database, env);
  const api = await createTestApi(config, extraModules);
  return {
    database,
    config,
    api,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}

/** The API stack plus one worker processing its queues; `close` stops the worker first. */
export async function createTestStackWithWorker(
  env: Record<string, string> = {},
): Promise<TestStack & { worker: INestApplicationContext }> {
  const stack = await createTestStack(env);
  const worker = await createTestWorker(stack.config);
  return {
    ...stack,
    worker,
    close: async () => {
      await worker.close();
      await stack.close();
    },
  };
}

/** Waits until a job has finished (completed or failed) and returns it. */
export function waitForJob(queue: Queue, id: string | undefined, timeoutMs?: number): Promise<Job> {
  return eventually(async () => {
    const job = await queue.getJob(id as string);
    return job?.finishedOn ? job : undefined;
  }, timeoutMs);
}

/** Polls until `probe` returns a value (not undefined) or the time runs out; beats fixed sleeps. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
