import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeliveredEvent, DomainEventType } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { refreshReportFacts } from './report-facts';

/** Keeps the report aggregates current: a decided tender's facts are rebuilt in the delivery's transaction. */
@Injectable()
export class ReportFactsConsumer implements EventConsumer {
  readonly name = 'reports.facts';
  readonly handles: readonly DomainEventType[] = ['tender.awarded', 'tender.voided'];

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { tenderId } = event.payload as { tenderId: string };
    await refreshReportFacts(em, [tenderId]);
  }
}
