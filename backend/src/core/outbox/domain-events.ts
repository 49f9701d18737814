/**
 * Every domain event and its payload, in one place. Events are facts about committed changes;
 * payloads carry ids, not secrets (consumers look up what they need).
 */
export interface DomainEvents {
  'user.registered': { userId: string };
  'password_reset.requested': { userId: string };
  'invitation.created': { invitationId: string };
  'organization.approved': { organizationId: string };
  /** First publication of the terms: as proyecto de pliego, or open straight away (mínima cuantía). */
  'tender.published': { tenderId: string; status: string };
  'tender.opened': { tenderId: string };
  /** A new version of published terms; bids made before it must be reconfirmed when `reconfirm`. */
  'tender.amended': { tenderId: string; version: number; reconfirm: boolean; closingExtended: boolean };
  'tender.closed': { tenderId: string };
  'tender.evaluation_started': { tenderId: string };
  'tender.voided': { tenderId: string };
  'tender.cancelled': { tenderId: string };
  'tender.limitation_decided': { tenderId: string; limited: boolean };
  'tender.question_answered': { tenderId: string; questionId: string };
  'bid.submitted': { bidId: string; tenderId: string; version: number };
  'bid.withdrawn': { bidId: string; tenderId: string; version: number };
  'tender.report_published': { tenderId: string; version: number };
  /** The lots are decided (some awarded); all void is `tender.voided`. */
  'tender.awarded': { tenderId: string };
  /** A contract ended: completed with a rating, or terminated. */
  'contract.closed': { tenderId: string; contractId: string };
}

export type DomainEventType = keyof DomainEvents;

/** What a consumer receives: the event as stored in the outbox. */
export interface DeliveredEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  payload: DomainEvents[T];
  occurredAt: string;
}
