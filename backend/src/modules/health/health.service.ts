import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import type { DependencyCheck, HealthResponse, WorkerCheck } from '@eslabon/contracts';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/queue/queue.module';
import { HeartbeatService } from '../heartbeat/heartbeat.service';

const CHECK_TIMEOUT_MS = 2_000;
/** A worker is "up" if it beat within this many heartbeat intervals. */
const MISSED_BEATS_TOLERATED = 3;

async function timed(check: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: ServerConfig,
    private readonly heartbeats: HeartbeatService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      timed(() => this.db.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const worker: WorkerCheck =
      database.status === 'up'
        ? await this.heartbeats.status(this.config.heartbeatIntervalMs * MISSED_BEATS_TOLERATED)
        : { status: 'down', lastHeartbeatAt: null, activeWorkers: 0 };
    const status = database.status === 'down' || redis.status === 'down' ? 'error' : worker.status === 'down' ? 'degraded' : 'ok';
    return { status, checkedAt: new Date().toISOString(), checks: { database, redis, worker } };
  }
}
