import { NO_CLAIMS, type AwardDecisionInput, type BidReviewInput, type TenderSchedule, type TenderView } from '@eslabon/contracts';
import { ScheduleRule, addBusinessDays, bogotaInstant, defaultSchedule, nextBusinessDay } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../core/audit/actor';
import { AuditService } from '../core/audit/audit.service';
import { OutboxService } from '../core/outbox/outbox.service';
import { bogotaToday } from '../core/time/bogota';
import { AwardsService } from '../modules/awards/awards.service';
import { BidDocumentsService } from '../modules/bids/bid-documents.service';
import { BidsService } from '../modules/bids/bids.service';
import { EvaluationObservationsService } from '../modules/evaluation/evaluation-observations.service';
import { EvaluationService } from '../modules/evaluation/evaluation.service';
import { RuleParametersService } from '../modules/rule-parameters/rule-parameters.service';
import { TenderLifecycleService } from '../modules/tenders/tender-lifecycle.service';
import { demoSuppliers } from './demo-data';
import { DemoTenderSeed } from './demo-tender-seed';

type Decided = NonNullable<DemoTenderSeed['decided']>;

/** The day a demo tender was decided: so many business days ago but not before this year, or mid-month last year. */
export function decisionDay(decided: Decided, today: string): string {
  const year = Number(today.slice(0, 4));
  if ('lastYearMonth' in decided) return nextBusinessDay(`${year - 1}-${String(decided.lastYearMonth).padStart(2, '0')}-15`);
  const firstOfYear = nextBusinessDay(`${year}-01-01`);
  const day = addBusinessDays(today, -decided.businessDaysAgo);
  if (day >= firstOfYear) return day;
  return firstOfYear < today ? firstOfYear : today;
}

/**
 * The schedule that ends with the award on `decided`, worked back with the modality's defaults: the
 * report, its comment period and the award each on their default business day after the closing.
 */
export function decidedSchedule(rule: ScheduleRule | null, decided: string): TenderSchedule {
  if (!rule) {
    // Contratación directa: the invitation's opening and closing; a report the next day, one day of comments.
    const closing = addBusinessDays(decided, -3);
    return { opening: addBusinessDays(closing, -5), closing };
  }
  const commentEnd = addBusinessDays(decided, -rule.reportToAward);
  const closing = addBusinessDays(commentEnd, -(rule.commentDays + rule.closingToReport));
  return defaultSchedule(addBusinessDays(closing, -rule.openingToClosing), rule);
}

/** The last day of a contract that starts on `start` and runs `months` months. */
function contractEnd(start: string, months: number): string {
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + months);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const RATING = { onTime: 5, quality: 4, documentation: 5 };

/**
 * Takes a demo tender under evaluation to its decision through the real services: the committee
 * reviews every bid, the report is published, and the award is made on its day with the checks a real
 * one passes (comment period over, no review after the report, each lot to the first ranked or void
 * with its reason). The report can only be published with a comment period still to come, so once it
 * is, its dates and the reviews' are set back to the days the schedule gave them — as the tests move
 * the clock — and the award is then made at its own moment.
 */
export class DemoDecisions {
  private readonly evaluation: EvaluationService;
  private readonly awards: AwardsService;

  constructor(
    private readonly db: DataSource,
    audit: AuditService,
    outbox: OutboxService,
    rules: RuleParametersService,
    lifecycle: TenderLifecycleService,
    bids: BidsService,
    documents: BidDocumentsService,
  ) {
    const observations = new EvaluationObservationsService(db, audit);
    this.evaluation = new EvaluationService(db, bids, audit, outbox, rules, lifecycle, observations, documents);
    this.awards = new AwardsService(db, audit, outbox, bids);
  }

  /** The buyer's user evaluates, so its demo login opens the evaluation workspace. */
  committee(tenderId: string, buyer: Actor): Promise<unknown> {
    return this.evaluation.setCommittee(tenderId, [buyer.userId as string], buyer);
  }

  async decide(tender: TenderView, seed: DemoTenderSeed, rule: ScheduleRule | null, decided: string, buyer: Actor): Promise<void> {
    const schedule = tender.schedule;
    const reportOn = schedule.evaluationReport ?? addBusinessDays(schedule.closing, 1);
    const commentUntil = schedule.commentPeriodEnd ?? addBusinessDays(reportOn, 1);
    const suppliers = demoSuppliers();
    const rows: { id: string; supplier_organization_id: string }[] = await this.db.query(
      `SELECT id, supplier_organization_id FROM bids WHERE tender_id = $1`,
      [tender.id],
    );
    for (const b of seed.bids ?? []) {
      const bid = rows.find((r) => r.supplier_organization_id === suppliers[b.supplier].organizationId);
      if (!bid) throw new Error(`No bid of demo supplier ${b.supplier}`);
      const review: BidReviewInput = {
        habilitante: b.fails ? 'fail' : 'pass',
        note: b.fails ?? null,
        scores: b.fails ? {} : { [tender.lots[b.lot ?? 0].id]: { quality: 16 } },
        verified: { ...NO_CLAIMS, nationalStatusVerified: true },
      };
      await this.evaluation.review(tender.id, bid.id, review, buyer);
    }
    const earliest = addBusinessDays(bogotaToday(), rule?.commentDays ?? 1);
    const report = await this.evaluation.publishReport(tender.id, { commentUntil: earliest }, buyer);
    const publishedAt = bogotaInstant(reportOn, '16:00');
    await this.db.query(`UPDATE bid_reviews SET reviewed_at = $2 WHERE bid_id = ANY($1::uuid[])`, [
      rows.map((r) => r.id),
      bogotaInstant(reportOn, '10:00'),
    ]);
    await this.db.query(
      `UPDATE evaluation_reports SET comment_until = $2::date, published_at = $3,
              content = content || jsonb_build_object('commentUntil', $4::text, 'publishedAt', $5::text)
        WHERE tender_id = $1`,
      [tender.id, commentUntil, publishedAt, commentUntil, publishedAt.toISOString()],
    );

    const startDate = addBusinessDays(decided, 5);
    const decisions: AwardDecisionInput[] = tender.lots.map((lot) =>
      report.rankings.find((r) => r.lotId === lot.id)?.lines[0]
        ? { lotId: lot.id, outcome: 'awarded', reason: null, startDate, endDate: contractEnd(startDate, seed.contractMonths ?? 6) }
        : { lotId: lot.id, outcome: 'void', reason: seed.reason ?? 'No hubo ofertas habilitadas.', startDate: null, endDate: null },
    );
    // Never later than now: a decision "today" happened a moment ago.
    const at = new Date(Math.min(bogotaInstant(decided, '10:00').getTime(), Date.now() - 60_000));
    const awards = await this.awards.award(tender.id, { decisions }, buyer, at);
    for (const { contract } of awards)
      if (contract && contract.endDate < bogotaToday())
        await this.awards.close(contract.id, { outcome: 'completed', rating: RATING, reason: null }, buyer);
  }
}
