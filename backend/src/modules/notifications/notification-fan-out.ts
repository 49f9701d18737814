import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVE_STATUSES, type TenderSearchQuery } from '@eslabon/contracts';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { QueueProducer } from '../../core/queue/queue-producer';
import { bogotaToday } from '../../core/time/bogota';
import { RETRY_PRESETS } from '../../core/queue/queues';
import { SEARCH_ENGINE, SearchEngine, TenderSearchDocument } from '../search/search-engine';
import { tenderDocuments } from '../search/tender-documents';
import { syncTenders } from '../search/search-indexer';
import { engineQuery } from '../search/search.service';

/** Where a new notice's e-mail starts, from the user's choice for its category (no row: instant). */
const emailStatus = (preference: string) => `CASE WHEN u.email_verified_at IS NULL THEN 'none'
  WHEN coalesce(${preference}, 'instant') = 'instant' THEN 'pending'
  WHEN ${preference} = 'daily' THEN 'digest' ELSE 'none' END`;

/** One notice per user and tender, whichever way the user came to hear of it. */
const DEDUPE_KEY = `'tender:' || tm.tender_id`;

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
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('NotificationFanOut');
  }

  async fanOut(tenderId: string, version: number): Promise<{ matches: number; searches: number }> {
    const [tender] = await this.db.query(`SELECT status FROM tenders WHERE id = $1`, [tenderId]);
    if (!tender || !['published_draft', 'open'].includes(tender.status)) return { matches: 0, searches: 0 };
    // Outside the transaction: the searches read the index, which this job brings up to date first.
    const hits = await this.savedSearchHits(tenderId);
    const counts = await this.db.transaction(async (em) => ({
      matches: await this.matchNotices(em, tenderId, version),
      searches: await this.savedSearchNotices(em, tenderId, version, hits),
    }));
    if (counts.matches + counts.searches > 0)
      await this.producer.add('notifications', 'send_emails', {}, { ...RETRY_PRESETS.standard, jobId: `emails-${tenderId}-${version}` });
    return counts;
  }

  /** Every member of every matched supplier, all lots in one notice. */
  private async matchNotices(em: EntityManager, tenderId: string, version: number): Promise<number> {
    const rows = await em.query(
      `INSERT INTO notifications (user_id, organization_id, kind, dedupe_key, tender_id, version, reasons, score, email_status)
       SELECT m.user_id, tm.organization_id, 'tender_match', ${DEDUPE_KEY}, tm.tender_id, $2, tm.reasons, tm.score,
              ${emailStatus('np.tender_matches')}
         FROM tender_matches tm
         JOIN memberships m ON m.organization_id = tm.organization_id
         JOIN users u ON u.id = m.user_id
         LEFT JOIN notification_preferences np ON np.user_id = u.id
        WHERE tm.tender_id = $1
        ORDER BY m.user_id, tm.score DESC
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [tenderId, version],
    );
    return rows.length;
  }

  /**
   * Saved searches that find the tender. Their filters are compared with the tender's search document
   * first, so the engine is asked only about those that could find it; a search the engine cannot run
   * is skipped (and logged) rather than holding back everyone else's notices.
   */
  private async savedSearchHits(tenderId: string): Promise<string[]> {
    await syncTenders(this.db.manager, this.engine, [tenderId]);
    const [doc] = await tenderDocuments(this.db.manager, [tenderId]);
    if (!doc) return [];
    const searches: { id: string; query: TenderSearchQuery }[] = await this.db.query(`SELECT id, query FROM saved_searches ORDER BY id`);
    const hits: string[] = [];
    for (const s of searches.filter((x) => couldFind(x.query, doc))) {
      try {
        if (!s.query.q?.trim()) hits.push(s.id);
        else if (
          (await this.engine.searchTenders({ ...engineQuery({ ...s.query, page: 1, pageSize: 1 }, false), ids: [tenderId] })).ids.length
        )
          hits.push(s.id);
      } catch (err) {
        this.logger.warn({ err, savedSearchId: s.id }, 'Saved search could not run; skipped');
      }
    }
    return hits;
  }

  /** One notice per user, the oldest of their searches that found it named; none for who already heard by a match. */
  private async savedSearchNotices(em: EntityManager, tenderId: string, version: number, hits: string[]): Promise<number> {
    if (hits.length === 0) return 0;
    const rows = await em.query(
      `INSERT INTO notifications (user_id, kind, dedupe_key, tender_id, version, saved_search_id, email_status)
       SELECT DISTINCT ON (s.user_id) s.user_id, 'saved_search', 'tender:' || $1, $1::uuid, $2, s.id, ${emailStatus('np.saved_searches')}
         FROM saved_searches s JOIN users u ON u.id = s.user_id
         LEFT JOIN notification_preferences np ON np.user_id = u.id
        WHERE s.id = ANY($3::uuid[])
        ORDER BY s.user_id, s.created_at
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [tenderId, version, hits],
    );
    return rows.length;
  }
}

/** Whether a search's filters admit the tender; its words are left to the engine. */
export function couldFind(query: TenderSearchQuery, doc: TenderSearchDocument): boolean {
  const closing = bogotaToday(new Date(doc.closingAt));
  const value = BigInt(doc.estimatedValueCop);
  return (
    (!query.unspsc || doc.unspscCodes.includes(query.unspsc)) &&
    (!query.department || doc.department === query.department) &&
    (!query.municipality || doc.municipality === query.municipality) &&
    (!query.modality || doc.modality === query.modality) &&
    (!query.status || (query.status === 'active' ? ACTIVE_STATUSES.includes(doc.status) : doc.status === query.status)) &&
    (!query.budgetMin || value >= BigInt(query.budgetMin)) &&
    (!query.budgetMax || value <= BigInt(query.budgetMax)) &&
    (!query.closingFrom || closing >= query.closingFrom) &&
    (!query.closingTo || closing <= query.closingTo) &&
    (!query.reserved || doc.reserved.includes(query.reserved)) &&
    (!query.productiveBet || doc.productiveBet === query.productiveBet)
  );
}
