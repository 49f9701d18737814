import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JobData, JobName, QueueName } from './queues';

/** Adds jobs with the payload type the queue registry declares for them. */
@Injectable()
export class QueueProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  add<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    data: JobData<Q, N>,
    options?: JobsOptions,
  ): Promise<Job<JobData<Q, N>>> {
    return this.queue(queue).add(name, data, options);
  }
}
