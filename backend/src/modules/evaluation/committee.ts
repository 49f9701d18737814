import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { DomainError } from '../../core/http/domain-error';
import { TenderCommitteeMember } from './evaluation.entities';

/** Only the tender's evaluation committee opens its bids, scores them and answers the observations. */
export async function assertOnCommittee(em: EntityManager, tenderId: string, actor: Actor): Promise<void> {
  const found = actor.userId !== null && (await em.existsBy(TenderCommitteeMember, { tenderId, userId: actor.userId }));
  if (!found) throw new DomainError('forbidden', 'not_on_committee', 'Only the evaluation committee of this tender opens its bids');
}

/** `bid_not_found`, `report_not_found`, `observation_not_found`. */
export const notFound = (what: string): DomainError => new DomainError('not_found', `${what}_not_found`, `No such ${what}`);
