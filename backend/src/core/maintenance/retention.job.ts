import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DISPLAY_TIME_ZONE } from '@eslabon/contracts';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { RETRY_PRESETS } from '../queue/queues';

/**
 * How long operational rows are kept, in one place. The audit log is never pruned. Processed
 * events outlive any redelivery of their event (retries last about a week), so duplicates stay
 * recognisable; login attempts outlive the throttling window many times over.
 */
export const RETENTION: { table: string; expired: string }[] = [
  { table: 'sessions', expired: `expires_at < now()` },
  { table: 'login_attempts', expired: `attempted_at < now() - interval '30 days'` },
  { table: 'one_time_tokens', expired: `expires_at < now() - interval '7 days'` },
  { table: 'outbox', expired: `published_at < now() - interval '30 days'` },
  { table: 'processed_events', expired: `processed_at < now() - interval '30 days'` },
  // Read notices of long-closed tenders; fan-outs only run while a tender is live, so none is sent again.
  { table: 'notifications', expired: `read_at < now() - interval '180 days'` },
];

@Processor('maintenance')
export class RetentionProcessor extends WorkerHost {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  /** Deletes expired rows of each table and reports how many went. */
  async process(job: Job): Promise<Record<string, number>> {
    if (job.name !== 'prune') throw new UnrecoverableError(`Unknown job "${job.name}" on the maintenance queue`);
    const deleted: Record<string, number> = {};
    for (const { table, expired } of RETENTION) {
      const [, count] = await this.db.query(`DELETE FROM ${table} WHERE ${expired}`);
      deleted[table] = count;
    }
    return deleted;
  }
}

/** Every night at 03:30 in Bogotá; one shared schedule however many workers run. */
@Injectable()
class RetentionScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue('maintenance') private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'maintenance-prune',
      { pattern: '0 30 3 * * *', tz: DISPLAY_TIME_ZONE },
      { name: 'prune', data: {}, opts: RETRY_PRESETS.ephemeral },
    );
  }
}

@Module({ providers: [RetentionProcessor, RetentionScheduler] })
export class RetentionJobModule {}
