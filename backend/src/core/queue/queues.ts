import type { JobsOptions } from 'bullmq';

/**
 * Every queue, every job it carries and that job's payload, in one place.
 * Producers and processors are typed against this map.
 */
export interface QueueJobs {
  system: {
    /** Proves that a worker is consuming the queues; see modules/heartbeat. */
    heartbeat: Record<string, never>;
  };
}

export type QueueName = keyof QueueJobs;
export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = QueueJobs[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['system'];

/** Named retry presets; jobs pick one instead of inventing attempts and back-off. */
export const RETRY_PRESETS = {
  standard: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  /** For periodic jobs whose next run replaces a failed one. */
  ephemeral: {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
} satisfies Record<string, JobsOptions>;
