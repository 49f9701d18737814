import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEventType, DomainEvents } from './domain-events';

@Injectable()
export class OutboxService {
  /** Records an event in the caller's transaction: it is delivered if and only if the change commits. */
  async publish<T extends DomainEventType>(em: EntityManager, type: T, payload: DomainEvents[T]): Promise<string> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('Events must be published in the transaction of the change');
    const [{ id }] = await em.query(`INSERT INTO outbox (type, payload) VALUES ($1, $2) RETURNING id`, [type, payload]);
    return id;
  }
}
