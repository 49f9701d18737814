import { Injectable } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { MailService } from '../../core/mail/mail.service';
import { DeliveredEvent, DomainEventType, DomainEvents } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { bogotaTimestamp } from '../../core/time/bogota';
import { TENDER_PAGE } from '../tenders/tender-followers.consumer';

/**
 * E-mails each receipt to the person who submitted (or withdrew) the bid. The version in the event
 * picks the audit entry of that submission, so a late delivery still states what was sealed then.
 */
@Injectable()
export class BidReceiptMailConsumer implements EventConsumer {
  readonly name = 'bids.receipt_mail';
  readonly handles: readonly DomainEventType[] = ['bid.submitted', 'bid.withdrawn'];

  constructor(
    private readonly mail: MailService,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { bidId, tenderId, version } = event.payload as DomainEvents['bid.submitted'];
    const [row] = await em.query(
      `SELECT t.reference, t.title, u.email, u.locale, a.summary->'after'->>'digest' AS digest,
              a.summary->'after'->>'submittedAt' AS submitted_at
         FROM audit_log a JOIN users u ON u.id = a.actor_user_id JOIN tenders t ON t.id = $2
        WHERE a.entity_type = 'bid' AND a.entity_id = $1 AND (a.summary->'after'->>'version')::int = $3
        ORDER BY a.id DESC LIMIT 1`,
      [bidId, tenderId, version],
    );
    if (!row) return;
    const at = new Date(row.submitted_at);
    await this.mail.send({
      to: row.email,
      locale: row.locale,
      template: 'bidReceipt',
      params: {
        reference: row.reference,
        tenderTitle: row.title,
        bidId,
        version,
        withdrawn: event.type === 'bid.withdrawn',
        submittedAtUtc: at.toISOString(),
        submittedAtBogota: bogotaTimestamp(at),
        digest: row.digest,
        link: new URL(`${TENDER_PAGE}/${tenderId}/oferta/recibo`, this.config.publicUrl).toString(),
      },
    });
  }
}
