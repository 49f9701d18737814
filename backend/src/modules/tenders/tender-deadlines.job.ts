import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { endOfBogotaDay } from '@eslabon/domain';
import { Job, UnrecoverableError } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveredEvent, DomainEventType } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { QueueProducer } from '../../core/queue/queue-producer';
import { JobName, QueueJobs, RETRY_PRESETS } from '../../core/queue/queues';
import { TenderLifecycleService } from './tender-lifecycle.service';
import { TenderCoreModule } from './tenders.module';

/** Cheap (an indexed query) and the backstop for a lost delayed job; a closing is never later than this. */
const SWEEP_EVERY_MS = 60_000;

interface UpcomingDeadlines {
  id: string;
  closingAt: Date;
  mipymeRequestDeadline: string | null;
  decided: boolean;
}

/**
 * Schedules a tender's deadlines as delayed jobs. The job id names the instant, so a re-delivered
 * event schedules nothing twice and a moved deadline gets a job of its own (the old one finds nothing due).
 */
@Injectable()
export class TenderDeadlineScheduler implements EventConsumer {
  readonly name = 'tenders.deadlines';
  readonly handles: readonly DomainEventType[] = ['tender.published', 'tender.opened', 'tender.amended'];

  constructor(
    private readonly producer: QueueProducer,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { tenderId } = event.payload as { tenderId: string };
    for (const tender of await this.upcoming(em, tenderId)) await this.schedule(tender);
  }

  /** Tenders still waiting for a deadline (one, or all of them), with those deadlines. */
  async upcoming(em: EntityManager = this.db.manager, tenderId?: string): Promise<UpcomingDeadlines[]> {
    const rows: { id: string; closing_at: Date; deadline: string | null; decided: boolean }[] = await em.query(
      `SELECT id, closing_at, schedule->>'mipymeRequestDeadline' AS deadline, limitation IS NOT NULL AS decided
         FROM tenders WHERE status IN ('published_draft', 'open') AND ($1::uuid IS NULL OR id = $1)`,
      [tenderId ?? null],
    );
    return rows.map((r) => ({ id: r.id, closingAt: r.closing_at, mipymeRequestDeadline: r.deadline, decided: r.decided }));
  }

  async schedule(t: UpcomingDeadlines): Promise<void> {
    const now = Date.now();
    await this.producer.add(
      'tenders',
      'close',
      { tenderId: t.id },
      {
        ...RETRY_PRESETS.standard,
        jobId: `close-${t.id}-${t.closingAt.getTime()}`,
        delay: Math.max(0, t.closingAt.getTime() - now),
      },
    );
    if (t.mipymeRequestDeadline && !t.decided) {
      const due = endOfBogotaDay(t.mipymeRequestDeadline).getTime();
      await this.producer.add(
        'tenders',
        'decide_limitation',
        { tenderId: t.id },
        {
          ...RETRY_PRESETS.standard,
          jobId: `limitation-${t.id}-${due}`,
          delay: Math.max(0, due - now),
        },
      );
    }
  }
}

@Processor('tenders')
export class TenderDeadlinesProcessor extends WorkerHost {
  constructor(private readonly lifecycle: TenderLifecycleService) {
    super();
  }

  /** Each job re-reads the tender and acts only if its deadline has come: running one twice is harmless. */
  async process(job: Job<QueueJobs['tenders'][JobName<'tenders'>]>): Promise<unknown> {
    switch (job.name) {
      case 'close':
        return { closed: await this.lifecycle.closeIfDue((job.data as QueueJobs['tenders']['close']).tenderId) };
      case 'decide_limitation':
        return { decided: await this.lifecycle.decideLimitationIfDue((job.data as QueueJobs['tenders']['decide_limitation']).tenderId) };
      case 'sweep':
        return this.sweep();
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on the tenders queue`);
    }
  }

  async sweep(): Promise<{ closed: number; decided: number }> {
    const due = await this.lifecycle.overdue();
    let decided = 0;
    let closed = 0;
    // Decide before closing: requests were due before the opening, long before the closing.
    for (const id of due.limitation) if (await this.lifecycle.decideLimitationIfDue(id)) decided++;
    for (const id of due.closing) if (await this.lifecycle.closeIfDue(id)) closed++;
    return { closed, decided };
  }
}

/**
 * At start-up a worker catches up with what happened while no worker ran (deadlines passed: close
 * now; deadlines to come: schedule them again), then keeps a periodic sweep as the backstop.
 */
@Injectable()
class TenderDeadlinesReconciler implements OnApplicationBootstrap {
  constructor(
    private readonly processor: TenderDeadlinesProcessor,
    private readonly scheduler: TenderDeadlineScheduler,
    private readonly producer: QueueProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.processor.sweep();
    for (const tender of await this.scheduler.upcoming()) await this.scheduler.schedule(tender);
    await this.producer
      .queue('tenders')
      .upsertJobScheduler('tenders-sweep', { every: SWEEP_EVERY_MS }, { name: 'sweep', data: {}, opts: RETRY_PRESETS.ephemeral });
  }
}

@Module({
  imports: [TenderCoreModule],
  providers: [TenderDeadlinesProcessor, TenderDeadlinesReconciler, TenderDeadlineScheduler],
})
export class TenderDeadlinesJobModule {}
