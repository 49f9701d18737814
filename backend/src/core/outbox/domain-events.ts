/**
 * Every domain event and its payload, in one place. Events are facts about committed changes;
 * payloads carry ids, not secrets (consumers look up what they need).
 */
export interface DomainEvents {
  'user.registered': { userId: string };
  'password_reset.requested': { userId: string };
  'invitation.created': { invitationId: string };
  'organization.approved': { organizationId: string };
}

export type DomainEventType = keyof DomainEvents;

/** What a consumer receives: the event as stored in the outbox. */
export interface DeliveredEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  payload: DomainEvents[T];
  occurredAt: string;
}
