import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenderSearchQuery } from '@eslabon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { QueueProducer } from '../../core/queue/queue-producer';
import { RETRY_PRESETS } from '../../core/queue/queues';
import { SEARCH_ENGINE, SearchEngine } from '../search/search-engine';
import { syncTenders } from '../search/search-indexer';
import { engineQuery } from '../search/search.service';

/** Where a new notice's e-mail starts, from the user's choice for its category (no row: instant). */
const emailStatus = (preference: string) => `CASE WHEN u.email_verified_at IS NULL THEN 'none'
  WHEN coalesce(${preference}, 'instant') = 'instant' THEN 'pending'
  WHEN ${preference} = 'daily' THEN 'digest' ELSE 'none' END`;

/**
 * Turns a tender's matches and the saved searches that find it into one notice per user and tender. The unique
 * (user, dedupe key) index makes this idempotent: a repeated job, an event delivered twice or a
 * worker killed half-way and retried never gives anyone a second notice about the tender.
 */
@Injectable()
export class NotificationFanOut {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly producer: QueueProducer,
  ) {}

  async fanOut(tenderId: string, version: number): Promise<{ matches: number; searches: number }> {
    const counts = await this.db.transaction(async (em) => {
      const [tender] = await em.query(`SELECT status FROM tenders WHERE id = $1`, [tenderId]);
      if (!tender || !['published_draft', 'open'].includes(tender.status)) return { matches: 0, searches: 0 };
      const matches = await this.matchNotices(em, tenderId, version);
      const searches = await this.savedSearchNotices(em, tenderId, version);
      return { matches, searches };
    });
    if (counts.matches + counts.searches > 0)
      await this.producer.add('notifications', 'send_emails', {}, { ...RETRY_PRESETS.standard, jobId: `emails-${tenderId}-${version}` });
    return counts;
  }

  /** Every member of every matched supplier, all lots in one notice. */
  private async matchNotices(em: EntityManager, tenderId: string, version: number): Promise<number> {
    const rows = await em.query(
      `INSERT INTO notifications (user_id, organization_id, kind, dedupe_key, tender_id, version, reasons, score, email_status)
       SELECT m.user_id, tm.organization_id, 'tender_match', 'match:' || tm.tender_id, tm.tender_id, $2, tm.reasons, tm.score,
              ${emailStatus('np.tender_matches')}
         FROM tender_matches tm
         JOIN memberships m ON m.organization_id = tm.organization_id
         JOIN users u ON u.id = m.user_id
         LEFT JOIN notification_preferences np ON np.user_id = u.id
        WHERE tm.tender_id = $1
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [tenderId, version],
    );
    return rows.length;
  }

  /**
   * Saved searches that find the tender. The tender is indexed here first, since this job may run
   * before the index consumer has seen the event. A user already told of the tender by a match is not told again.
   */
  private async savedSearchNotices(em: EntityManager, tenderId: string, version: number): Promise<number> {
    await syncTenders(em, this.engine, [tenderId]);
    const searches: { id: string; query: TenderSearchQuery }[] = await em.query(`SELECT id, query FROM saved_searches ORDER BY id`);
    const hits: string[] = [];
    for (const s of searches) {
      const found = await this.engine.searchTenders({ ...engineQuery({ ...s.query, page: 1, pageSize: 1 }, false), ids: [tenderId] });
      if (found.ids.length > 0) hits.push(s.id);
    }
    if (hits.length === 0) return 0;
    const rows = await em.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, tender_id, version, saved_search_id, email_status)
       SELECT DISTINCT ON (s.user_id) s.user_id, 'saved_search', 'search:' || $1, $1::uuid, $2, s.id, ${emailStatus('np.saved_searches')}
         FROM saved_searches s JOIN users u ON u.id = s.user_id
         LEFT JOIN notification_preferences np ON np.user_id = u.id
        WHERE s.id = ANY($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = s.user_id AND n.dedupe_key = 'match:' || $1)
        ORDER BY s.user_id, s.created_at
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [tenderId, version, hits],
    );
    return rows.length;
  }
}
