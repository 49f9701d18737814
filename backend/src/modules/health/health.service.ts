import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import type { DependencyCheck, HealthResponse, WorkerCheck } from '@eslabon/contracts';
import Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { withTimeout } from '../../core/async/with-timeout';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/queue/queue.module';
import { QueueProducer } from '../../core/queue/queue-producer';
import { HeartbeatService } from '../heartbeat/heartbeat.service';

const CHECK_TIMEOUT_MS = 2_000;
/** A worker is "up" if a heartbeat was processed within this many heartbeat intervals. */
const MISSED_BEATS_TOLERATED = 3;

class CheckTimeout extends Error {}

const timed = <T>(work: Promise<T>): Promise<T> => withTimeout(work, CHECK_TIMEOUT_MS, () => new CheckTimeout());

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: ServerConfig,
    private readonly heartbeats: HeartbeatService,
    private readonly queues: QueueProducer,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('Health');
  }

  async check(): Promise<HealthResponse> {
    const [database, redis, worker] = await Promise.all([
      this.dependency('database', () => this.db.query('SELECT 1')),
      this.dependency('redis', () => this.redis.ping()),
      this.worker(),
    ]);
    const status = database.status === 'down' || redis.status === 'down' ? 'error' : worker.status === 'down' ? 'degraded' : 'ok';
    return { status, checkedAt: new Date().toISOString(), checks: { database, redis, worker } };
  }

  /** The public answer says only that a dependency failed; the reason goes to the log. */
  private async dependency(name: string, ping: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      await timed(ping());
      return { status: 'up', latencyMs: latency() };
    } catch (err) {
      this.logger.warn({ err, dependency: name }, 'Health check failed');
      return { status: 'down', latencyMs: latency(), error: err instanceof CheckTimeout ? 'timeout' : 'unavailable' };
    }
  }

  private async worker(): Promise<WorkerCheck> {
    const [beat, activeWorkers] = await Promise.all([
      timed(this.heartbeats.last(this.config.heartbeatIntervalMs * MISSED_BEATS_TOLERATED)).catch(() => null),
      timed(this.queues.queue('system').getWorkersCount()).catch(() => 0),
    ]);
    return { status: beat?.fresh ? 'up' : 'down', lastHeartbeatAt: beat?.at ?? null, activeWorkers };
  }
}
