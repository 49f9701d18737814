import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout';
import { RETRY_PRESETS } from '../queue/queues';

const BATCH = 100;
const IDLE_POLL_MS = 500;
const MAX_BACKOFF_MS = 10_000;
const ENQUEUE_TIMEOUT_MS = 5_000;

interface PendingRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

const within = <T>(work: Promise<T>, message: string): Promise<T> => withTimeout(work, ENQUEUE_TIMEOUT_MS, () => new Error(message));

/**
 * Moves committed outbox events to the `events` queue and marks them published, in one database
 * transaction per batch. If Redis is away the transaction rolls back and the batch is tried again
 * later; an event enqueued twice (a commit lost after the enqueue) carries the same job id, which
 * BullMQ ignores, and consumers drop duplicates as well. Several workers can relay at once:
 * rows are claimed with SKIP LOCKED.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = false;
  private backoffMs = IDLE_POLL_MS;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue('events') private readonly queue: Queue,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('OutboxRelay');
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** Relays one batch; returns how many events it published. */
  async relayBatch(): Promise<number> {
    return this.db.transaction(async (em) => {
      const rows: PendingRow[] = await em.query(
        `SELECT id, type, payload, occurred_at FROM outbox
          WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      // While Redis is away, commands would pile up in the client's offline queue: wait instead.
      const client = await within(this.queue.backend.client, 'Redis did not answer in time');
      if (client.status !== 'ready') throw new Error('Redis is not connected');
      const jobs = rows.map((row) => ({
        name: row.type,
        data: { id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurred_at.toISOString() },
        opts: { ...RETRY_PRESETS.event, jobId: row.id },
      }));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.queue.addBulk(jobs),
        new Promise(
          (_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not accept the events in time')), ENQUEUE_TIMEOUT_MS)),
        ),
      ]).finally(() => clearTimeout(timer));
      await em.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    try {
      const published = await this.relayBatch();
      this.backoffMs = IDLE_POLL_MS;
      this.schedule(published === BATCH ? 0 : IDLE_POLL_MS);
    } catch (err) {
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      this.logger.warn({ err, retryInMs: this.backoffMs }, 'Outbox relay failed; will retry');
      this.schedule(this.backoffMs);
    }
  }
}
