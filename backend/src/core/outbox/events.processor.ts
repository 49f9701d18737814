import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeliveredEvent } from './domain-events';
import { EVENT_CONSUMERS, EventConsumer } from './event-consumer';

/** Retry delay of a failed event: doubling from 2 s, never more than 10 minutes. */
export function eventRetryDelay(attemptsMade: number): number {
  return Math.min(2_000 * 2 ** Math.max(attemptsMade - 1, 0), 10 * 60_000);
}

/** Hands each relayed event to every consumer of its type, once per consumer. */
@Processor('events', { settings: { backoffStrategy: eventRetryDelay } })
export class EventsProcessor extends WorkerHost {
  constructor(
    @Inject(EVENT_CONSUMERS) private readonly consumers: EventConsumer[],
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job<DeliveredEvent>): Promise<{ delivered: string[] }> {
    const event = job.data;
    const delivered: string[] = [];
    for (const consumer of this.consumers.filter((c) => c.handles.includes(event.type))) {
      if (await this.deliver(consumer, event)) delivered.push(consumer.name);
    }
    return { delivered };
  }

  /** False when this consumer had already applied the event. */
  private deliver(consumer: EventConsumer, event: DeliveredEvent): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const first = await em.query(
        `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer.name, event.id],
      );
      if (first.length === 0) return false;
      await consumer.handle(em, event);
      return true;
    });
  }
}
