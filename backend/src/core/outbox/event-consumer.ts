import type { EntityManager } from 'typeorm';
import type { DeliveredEvent, DomainEventType } from './domain-events';

/**
 * Something that reacts to domain events. `handle` runs in a transaction that also records the
 * delivery in processed_events, so its database effects happen once even when the event arrives twice.
 */
export interface EventConsumer {
  /** Stable name; renaming it makes every past event look new to this consumer. */
  readonly name: string;
  readonly handles: readonly DomainEventType[];
  handle(em: EntityManager, event: DeliveredEvent): Promise<void>;
}

export const EVENT_CONSUMERS = Symbol('EVENT_CONSUMERS');
