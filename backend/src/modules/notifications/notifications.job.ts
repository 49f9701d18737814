import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DISPLAY_TIME_ZONE } from '@eslabon/contracts';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueProducer } from '../../core/queue/queue-producer';
import { JobName, QueueJobs, RETRY_PRESETS } from '../../core/queue/queues';
import { NotificationFanOut } from './notification-fan-out';
import { NotificationMailer } from './notification-mailer';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** The backstop for a lost send_emails job: pending e-mails wait at most this long. */
const EMAIL_SWEEP_MS = 60_000;

@Processor('notifications')
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly fanOut: NotificationFanOut,
    private readonly mailer: NotificationMailer,
  ) {
    super();
  }

  async process(job: Job<QueueJobs['notifications'][JobName<'notifications'>]>): Promise<unknown> {
    switch (job.name) {
      case 'fan_out': {
        const { tenderId, version } = job.data as QueueJobs['notifications']['fan_out'];
        return this.fanOut.fanOut(tenderId, version);
      }
      case 'send_emails':
        return { sent: await this.mailer.sendPending() };
      case 'send_digests':
        return { users: await this.mailer.sendDigests() };
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on the notifications queue`);
    }
  }
}

@Injectable()
class NotificationSchedules implements OnApplicationBootstrap {
  constructor(private readonly producer: QueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.producer.queue('notifications');
    await queue.upsertJobScheduler(
      'notifications-emails',
      { every: EMAIL_SWEEP_MS },
      { name: 'send_emails', data: {}, opts: RETRY_PRESETS.ephemeral },
    );
    await queue.upsertJobScheduler(
      'notifications-digests',
      { pattern: '0 0 7 * * *', tz: DISPLAY_TIME_ZONE },
      { name: 'send_digests', data: {}, opts: RETRY_PRESETS.standard },
    );
  }
}

@Module({
  providers: [NotificationFanOut, NotificationMailer, UnsubscribeTokens, NotificationsProcessor, NotificationSchedules],
})
export class NotificationsJobModule {}
