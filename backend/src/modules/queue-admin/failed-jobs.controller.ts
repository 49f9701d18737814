import type { FailedJobView } from '@eslabon/contracts';
import { Controller, Get, HttpCode, HttpStatus, Injectable, Module, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/auth.decorators';
import { DomainError } from '../../core/http/domain-error';
import { QueueProducer } from '../../core/queue/queue-producer';
import { QUEUE_NAMES, QueueName } from '../../core/queue/queues';

/** Failed jobs shown per queue: the newest, enough to see a pattern. */
const SHOWN = 50;

/** The dead-letter view: jobs that used up their retries, and a way to run one again once the cause is fixed. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly producer: QueueProducer) {}

  async list(): Promise<FailedJobView[]> {
    const perQueue = await Promise.all(
      QUEUE_NAMES.map(async (queue) =>
        (await this.producer.queue(queue).getFailed(0, SHOWN - 1)).map((job): FailedJobView => ({
          queue,
          id: job.id ?? '',
          name: job.name,
          attemptsMade: job.attemptsMade,
          failedReason: job.failedReason ?? '',
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          data: job.data,
        })),
      ),
    );
    return perQueue.flat().sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  async retry(queue: string, id: string): Promise<void> {
    const job = QUEUE_NAMES.includes(queue as QueueName) ? await this.producer.queue(queue as QueueName).getJob(id) : undefined;
    if (!job || !(await job.isFailed())) throw new DomainError('not_found', 'failed_job_not_found', 'No such failed job');
    await job.retry('failed');
  }
}

@ApiTags('admin')
@Controller('admin/failed-jobs')
@Authorize({ roles: ['admin'] })
export class FailedJobsController {
  constructor(private readonly jobs: FailedJobsService) {}

  @Get()
  list(): Promise<FailedJobView[]> {
    return this.jobs.list();
  }

  @Post(':queue/:id/retry')
  @HttpCode(HttpStatus.NO_CONTENT)
  retry(@Param('queue') queue: string, @Param('id') id: string): Promise<void> {
    return this.jobs.retry(queue, id);
  }
}

@Module({ controllers: [FailedJobsController], providers: [FailedJobsService] })
export class QueueAdminModule {}
