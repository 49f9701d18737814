import type { TenderStatus } from '@eslabon/contracts';
import type { EntityManager } from 'typeorm';
import { OcdsPublisher, OcdsTag, buildRelease, tagsFor } from './ocds-release';
import { loadOcdsSource, storeRelease } from './ocds-source';

const TAGS_BY_STATUS: Record<Exclude<TenderStatus, 'draft' | 'awarded'>, OcdsTag[]> = {
  published_draft: ['planning'],
  open: ['tender'],
  closed: ['tenderUpdate'],
  under_evaluation: ['tenderUpdate'],
  void: ['tenderUpdate'],
  cancelled: ['tenderCancellation'],
};

/**
 * One release of their present state for published processes that have none (those published
 * before OCDS publication existed); later events add releases as usual. Safe to run again.
 */
export async function backfillReleases(em: EntityManager, publisher: OcdsPublisher): Promise<number> {
  const pending: { id: string }[] = await em.query(
    `SELECT t.id FROM tenders t WHERE t.published_at IS NOT NULL AND t.status <> 'draft'
        AND NOT EXISTS (SELECT 1 FROM ocds_releases r WHERE r.tender_id = t.id) ORDER BY t.published_at`,
  );
  for (const { id } of pending) {
    const source = await loadOcdsSource(em, id);
    if (!source) continue;
    const status = source.tender.status as Exclude<TenderStatus, 'draft'>;
    const tag = status === 'awarded' ? tagsFor('tender.awarded', {}, source) : TAGS_BY_STATUS[status];
    const release = buildRelease(source, { id: 'backfill', date: source.tender.updatedAt, tag }, publisher);
    await storeRelease(em, id, release);
  }
  return pending.length;
}
