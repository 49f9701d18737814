import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Module, OnApplicationBootstrap } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { hostname } from 'node:os';
import { InjectConfig } from '../../core/config/config.module';
import { JobName, QueueJobs, RETRY_PRESETS } from '../../core/queue/queues';
import { HeartbeatModule } from './heartbeat.module';
import { HeartbeatService } from './heartbeat.service';

export const WORKER_ID = `${hostname()}:${process.pid}`;
const SCHEDULER_ID = 'system-heartbeat';

/** Processes the system queue's heartbeat: the worker records that it is alive. */
@Processor('system')
export class HeartbeatProcessor extends WorkerHost {
  constructor(private readonly heartbeats: HeartbeatService) {
    super();
  }

  async process(job: Job<QueueJobs['system'][JobName<'system'>]>): Promise<{ workerId: string }> {
    if (job.name !== 'heartbeat') throw new UnrecoverableError(`Unknown job "${job.name}" on the system queue`);
    await this.heartbeats.record(WORKER_ID);
    return { workerId: WORKER_ID };
  }
}

/** One shared schedule (upserted by every worker, so scaling out adds no duplicates). */
class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue('system') private readonly queue: Queue,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.heartbeatIntervalMs },
      { name: 'heartbeat', data: {}, opts: RETRY_PRESETS.ephemeral },
    );
  }
}

@Module({
  imports: [HeartbeatModule],
  providers: [HeartbeatProcessor, HeartbeatScheduler],
})
export class HeartbeatJobModule {}
