import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveredEvent, DomainEventType } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { SEARCH_ENGINE, SearchEngine } from './search-engine';
import { tenderDocuments } from './tender-documents';

/** Brings the engine in line with the database for these tenders: upserts what is public, removes the rest. */
export async function syncTenders(em: EntityManager, engine: SearchEngine, tenderIds: string[]): Promise<void> {
  const documents = await tenderDocuments(em, tenderIds);
  const kept = new Set(documents.map((d) => d.id));
  if (documents.length > 0) await engine.upsertTenders(documents);
  const gone = tenderIds.filter((id) => !kept.has(id));
  if (gone.length > 0) await engine.removeTenders(gone);
}

/**
 * Keeps the search index current through the outbox: every event that changes what a search shows
 * of a tender rebuilds its document from the database, so events may arrive twice or out of order.
 * A failed engine call fails the event, which the queue retries with back-off.
 */
@Injectable()
export class SearchIndexConsumer implements EventConsumer, OnApplicationBootstrap {
  readonly name = 'search.tenders';
  readonly handles: readonly DomainEventType[] = [
    'tender.published',
    'tender.opened',
    'tender.amended',
    'tender.closed',
    'tender.evaluation_started',
    'tender.voided',
    'tender.cancelled',
    'tender.limitation_decided',
  ];

  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  /** Index settings are code: applied at every start, before any event is handled. */
  onApplicationBootstrap(): Promise<void> {
    return this.engine.prepare();
  }

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { tenderId } = event.payload as { tenderId: string };
    await syncTenders(em, this.engine, [tenderId]);
  }
}

const REINDEX_BATCH = 500;

/**
 * Writes every published tender to the index again, in batches; returns how many. The index is not
 * emptied first, so search keeps answering during the rebuild (documents are replaced in place).
 */
export async function reindexTenders(db: DataSource, engine: SearchEngine): Promise<number> {
  await engine.prepare();
  let count = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const rows: { id: string }[] = await db.query(`SELECT id FROM tenders WHERE status <> 'draft' AND id > $1 ORDER BY id LIMIT $2`, [
      after,
      REINDEX_BATCH,
    ]);
    if (rows.length === 0) return count;
    await syncTenders(
      db.manager,
      engine,
      rows.map((r) => r.id),
    );
    count += rows.length;
    after = rows[rows.length - 1].id;
  }
}
