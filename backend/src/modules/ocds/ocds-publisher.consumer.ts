import { Injectable } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { DeliveredEvent, DomainEventType } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { buildRelease, publisherOf, tagsFor } from './ocds-release';
import { asOfEvent, loadOcdsSource, storeRelease } from './ocds-source';

/**
 * Publishes an OCDS release for every public event of a contracting process, written once: the
 * release id is the event's, so a re-delivered event adds nothing.
 */
@Injectable()
export class OcdsPublisherConsumer implements EventConsumer {
  readonly name = 'ocds.publisher';
  readonly handles: readonly DomainEventType[] = [
    'tender.published',
    'tender.opened',
    'tender.amended',
    'tender.limitation_decided',
    'tender.question_answered',
    'tender.closed',
    'tender.cancelled',
    'tender.voided',
    'tender.awarded',
    'contract.closed',
  ];

  constructor(@InjectConfig() private readonly config: ServerConfig) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const payload = event.payload as { tenderId: string; status?: string };
    const [current] = await em.query(`SELECT status FROM tenders WHERE id = $1`, [payload.tenderId]);
    // Decided at opening (or published late), the limitation is already in the opening's release.
    if (!current || (event.type === 'tender.limitation_decided' && current.status !== 'published_draft')) return;
    const source = await loadOcdsSource(em, payload.tenderId, asOfEvent(event as never, current.status));
    if (!source) return;
    const publisher = publisherOf(this.config);
    const release = buildRelease(
      source,
      { id: event.id, date: new Date(event.occurredAt), tag: tagsFor(event.type, payload, source) },
      publisher,
    );
    await storeRelease(em, payload.tenderId, release);
  }
}
