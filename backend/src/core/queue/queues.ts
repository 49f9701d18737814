import type { JobsOptions } from 'bullmq';
import type { DeliveredEvent, DomainEventType } from '../outbox/domain-events';

/**
 * Every queue, every job it carries and that job's payload, in one place.
 * Producers and processors are typed against this map.
 */
export interface QueueJobs {
  system: {
    /** Proves that a worker is consuming the queues; see modules/heartbeat. */
    heartbeat: Record<string, never>;
  };
  /** Housekeeping: deletes what has outlived its purpose; see core/maintenance. */
  maintenance: {
    prune: Record<string, never>;
  };
  /** Tender deadlines: delayed jobs at the closing instant and the mipyme request deadline, and a sweep. */
  tenders: {
    close: { tenderId: string };
    decide_limitation: { tenderId: string };
    /** Catches any deadline whose delayed job was lost (Redis flushed, worker down). */
    sweep: Record<string, never>;
  };
  /** Which suppliers can serve a tender: one job per published tender or adenda (modules/matching). */
  matching: {
    match_tender: { tenderId: string; version: number };
  };
  /** In-app notices and their e-mails (modules/notifications). */
  notifications: {
    /** Notices for the matched suppliers and the saved searches that find the tender. */
    fan_out: { tenderId: string; version: number };
    /** Sends every instant e-mail still pending; also runs every minute to catch lost jobs. */
    send_emails: Record<string, never>;
    /** The daily summary for those who chose it, at 07:00 in Bogotá. */
    send_digests: Record<string, never>;
  };
  /** Domain events relayed from the outbox, one job per event, named by event type. */
  events: { [T in DomainEventType]: DeliveredEvent<T> };
}

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = QueueJobs[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['system', 'events', 'maintenance', 'tenders', 'matching', 'notifications'];

/** Named retry presets; jobs pick one instead of inventing attempts and back-off. */
export const RETRY_PRESETS = {
  standard: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  /**
   * Relayed events: the job id is the event id, and completed jobs are kept a week so that a
   * second relay of the same event within that time is recognised and ignored by BullMQ. An event
   * is never given up on: it is retried with the capped back-off of events.processor.ts for about a
   * week (an SMTP outage must not lose an e-mail), and then stays in the failed list for inspection.
   */
  event: {
    attempts: 1_000,
    backoff: { type: 'custom' },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
  /** For periodic jobs whose next run replaces a failed one. */
  ephemeral: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
} satisfies Record<string, JobsOptions>;
