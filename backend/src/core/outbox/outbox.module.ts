import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { EVENT_CONSUMERS, EventConsumer } from './event-consumer';
import { EventsProcessor } from './events.processor';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

/** Publishing events (API and worker). */
@Global()
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}

/** The worker's side: the relay and the event consumers (their dependencies come from global modules). */
@Module({})
export class OutboxWorkerModule {
  static forConsumers(consumers: Type<EventConsumer>[]): DynamicModule {
    return {
      module: OutboxWorkerModule,
      providers: [
        OutboxRelay,
        EventsProcessor,
        ...consumers,
        { provide: EVENT_CONSUMERS, inject: consumers, useFactory: (...instances: EventConsumer[]) => instances },
      ],
    };
  }
}
