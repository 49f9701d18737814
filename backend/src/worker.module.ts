import { DynamicModule, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { CoreModule } from './core/core.module';
import { RetentionJobModule } from './core/maintenance/retention.job';
import { MailModule } from './core/mail/mail.module';
import { OutboxWorkerModule } from './core/outbox/outbox.module';
import { BidReceiptMailConsumer } from './modules/bids/bid-receipt-mail.consumer';
import { AccountMailConsumer } from './modules/accounts/account-mail.consumer';
import { HeartbeatJobModule } from './modules/heartbeat/heartbeat.job';
import { TenderDeadlineScheduler, TenderDeadlinesJobModule } from './modules/tenders/tender-deadlines.job';
import { TenderFollowersConsumer } from './modules/tenders/tender-followers.consumer';
import { MatchingJobModule, MatchingScheduler } from './modules/matching/matching.job';
import { NotificationsJobModule } from './modules/notifications/notifications.job';
import { ParticipantNoticesConsumer } from './modules/notifications/participant-notices.consumer';
import { OcdsPublisherConsumer } from './modules/ocds/ocds-publisher.consumer';
import { ReportFactsConsumer } from './modules/reports/report-facts.consumer';
import { SearchIndexConsumer } from './modules/search/search-indexer';
import { SearchEngineModule } from './modules/search/search.module';

/** The queue worker process: job processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, 'worker'),
        MailModule,
        HeartbeatJobModule,
        RetentionJobModule,
        TenderDeadlinesJobModule,
        SearchEngineModule,
        MatchingJobModule,
        NotificationsJobModule,
        OutboxWorkerModule.forConsumers([
          AccountMailConsumer,
          BidReceiptMailConsumer,
          TenderDeadlineScheduler,
          TenderFollowersConsumer,
          SearchIndexConsumer,
          MatchingScheduler,
          ParticipantNoticesConsumer,
          ReportFactsConsumer,
          OcdsPublisherConsumer,
        ]),
      ],
    };
  }
}
