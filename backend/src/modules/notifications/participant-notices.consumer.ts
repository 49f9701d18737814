import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@eslabon/contracts';
import { EntityManager } from 'typeorm';
import { DeliveredEvent, DomainEventType } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { QueueProducer } from '../../core/queue/queue-producer';
import { RETRY_PRESETS } from '../../core/queue/queues';

const KIND_OF: Partial<Record<DomainEventType, NotificationKind>> = {
  'tender.report_published': 'evaluation_report',
  'tender.awarded': 'tender_decided',
  'tender.voided': 'tender_decided',
};

/**
 * Tells every member of every organization that bid on a tender that its evaluation report is out or
 * that it was decided: a notice in the bell and an e-mail through the notifications queue. The dedupe
 * key makes a re-delivered event harmless.
 */
@Injectable()
export class ParticipantNoticesConsumer implements EventConsumer {
  readonly name = 'notifications.participants';
  readonly handles: readonly DomainEventType[] = Object.keys(KIND_OF) as DomainEventType[];

  constructor(private readonly producer: QueueProducer) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const kind = KIND_OF[event.type] as NotificationKind;
    const { tenderId, version } = event.payload as { tenderId: string; version?: number };
    const key = `${kind}:${tenderId}:${version ?? 1}`;
    await em.query(
      `INSERT INTO notifications (user_id, organization_id, kind, dedupe_key, tender_id, version, reasons, email_status)
       SELECT DISTINCT m.user_id, b.supplier_organization_id, $2, $3, b.tender_id, t.version, '[]'::jsonb,
              CASE WHEN u.email_verified_at IS NULL THEN 'none' ELSE 'pending' END
         FROM bids b JOIN tenders t ON t.id = b.tender_id
         JOIN memberships m ON m.organization_id = b.supplier_organization_id JOIN users u ON u.id = m.user_id
        WHERE b.tender_id = $1
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [tenderId, kind, key],
    );
    await this.producer.add(
      'notifications',
      'send_emails',
      {},
      { ...RETRY_PRESETS.standard, jobId: `emails-${kind}-${tenderId}-${version ?? 1}` },
    );
  }
}
