import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MatchLot, MatchTender, SupplierMatch, matchSupplier } from '@eslabon/domain';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveredEvent, DomainEventType, DomainEvents } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { QueueProducer } from '../../core/queue/queue-producer';
import { QueueJobs, RETRY_PRESETS } from '../../core/queue/queues';
import { Tender } from '../tenders/tender.entities';
import { lotsOf } from '../tenders/tender-views';
import { matchCandidates } from './match-candidates';

/** Statuses in which a supplier can still act on a tender (observe, ask, request, bid). */
const LIVE = ['published_draft', 'open'];

/** What an adenda must touch for the matching suppliers to change (issue 6). */
const MATCHING_FIELDS = /^(lots|executionDepartment|executionMunicipality)(\.|$)/;

/** A published tender, or an adenda that changed its lots or place, gets a matching job; the job id makes a repeated event a no-op. */
@Injectable()
export class MatchingScheduler implements EventConsumer {
  readonly name = 'matching.schedule';
  readonly handles: readonly DomainEventType[] = ['tender.published', 'tender.amended'];

  constructor(private readonly producer: QueueProducer) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { tenderId } = event.payload as { tenderId: string };
    let version = 1;
    if (event.type === 'tender.amended') {
      version = (event.payload as DomainEvents['tender.amended']).version;
      const [row] = await em.query(`SELECT changes FROM tender_versions WHERE tender_id = $1 AND number = $2`, [tenderId, version]);
      const changes: { path: string }[] = row?.changes ?? [];
      if (!changes.some((c) => MATCHING_FIELDS.test(c.path))) return;
    }
    await this.producer.add(
      'matching',
      'match_tender',
      { tenderId, version },
      { ...RETRY_PRESETS.standard, jobId: `match-${tenderId}-${version}` },
    );
  }
}

/**
 * Computes and stores the suppliers that match a tender (libs/domain matching.ts), then hands the
 * notices to the notifications queue. Stored matches are replaced as a whole, so running a job twice,
 * or after a crash half-way, leaves the same rows.
 */
@Injectable()
export class TenderMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly producer: QueueProducer,
  ) {}

  async match(tenderId: string, version: number): Promise<{ matched: number }> {
    const matched = await this.db.transaction(async (em) => {
      const tender = await em.findOne(Tender, { where: { id: tenderId } });
      if (!tender || !LIVE.includes(tender.status)) return null;
      const subject = await matchingSubject(em, tender);
      const candidates = await matchCandidates(
        em,
        subject.lots.flatMap((l) => l.classes),
      );
      const matches = candidates
        .map((c) => ({ organizationId: c.organizationId, match: matchSupplier(subject, c) }))
        .filter((m): m is { organizationId: string; match: SupplierMatch } => m.match !== null);
      const lotIds = new Map(subject.lots.map((l) => [l.position, l.id]));
      await em.query(`DELETE FROM tender_matches WHERE tender_id = $1`, [tenderId]);
      await em.query(
        `INSERT INTO tender_matches (tender_id, organization_id, version, score, reasons, lot_ids, matched_at)
         SELECT $1, m.organization_id, $2, m.score, m.reasons, ARRAY(SELECT jsonb_array_elements_text(m.lot_ids))::uuid[], now()
           FROM jsonb_to_recordset($3::jsonb) AS m(organization_id uuid, score int, reasons jsonb, lot_ids jsonb)`,
        [
          tenderId,
          version,
          JSON.stringify(
            matches.map((m) => ({
              organization_id: m.organizationId,
              score: m.match.score,
              reasons: m.match.reasons,
              lot_ids: m.match.lots.map((p) => lotIds.get(p)),
            })),
          ),
        ],
      );
      return matches.length;
    });
    if (matched === null) return { matched: 0 };
    await this.producer.add(
      'notifications',
      'fan_out',
      { tenderId, version },
      { ...RETRY_PRESETS.standard, jobId: `fan-out-${tenderId}-${version}` },
    );
    return { matched };
  }
}

interface MatchSubject extends MatchTender {
  lots: (MatchLot & { id: string })[];
}

/** The tender as the matching rule reads it, lots numbered from 1 as the public page shows them. */
export async function matchingSubject(em: EntityManager, tender: Tender): Promise<MatchSubject> {
  const lots = await lotsOf(em, [tender.id]);
  return {
    department: tender.executionDepartment,
    limitedToMipymes: tender.limitation?.limited ?? false,
    territorial: tender.territorialLimitation,
    lots: lots.map((l) => ({
      id: l.id,
      position: l.position + 1,
      classes: l.unspscClasses,
      reservedForMipymes: l.reservedForMipymes,
      reservedForEconomiaPopular: l.reservedForEconomiaPopular,
      territorialLimitation: l.territorialLimitation,
    })),
  };
}

@Processor('matching')
export class MatchingProcessor extends WorkerHost {
  constructor(private readonly matcher: TenderMatcher) {
    super();
  }

  async process(job: Job<QueueJobs['matching']['match_tender']>): Promise<unknown> {
    if (job.name !== 'match_tender') throw new UnrecoverableError(`Unknown job "${job.name}" on the matching queue`);
    return this.matcher.match(job.data.tenderId, job.data.version);
  }
}

@Module({
  providers: [TenderMatcher, MatchingProcessor],
})
export class MatchingJobModule {}
