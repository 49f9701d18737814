import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BidReviewInput,
  ClosingRecord,
  CommitteeMember,
  EvaluationReport,
  EvaluationWorkspace,
  FieldError,
  ObservationView,
  OpenedBid,
  PublishReportInput,
} from '@eslabon/contracts';
import { addBusinessDays, committeeProblems, endOfBogotaDay } from '@eslabon/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { bogotaToday } from '../../core/time/bogota';
import { BidsService, OpenedContent } from '../bids/bids.service';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { SUPPLIER_MIPYME_SQL } from '../suppliers/supplier-facts';
import { TenderLifecycleService } from '../tenders/tender-lifecycle.service';
import { Tender } from '../tenders/tender.entities';
import { lotsOf } from '../tenders/tender-views';
import { lockTender, tenderNotFound } from '../tenders/tenders.service';
import { BidReview, EvaluationObservation, EvaluationReportRecord, TenderCommitteeMember } from './evaluation.entities';
import { BidderProfile, defaultVerified, lotRankings } from './lot-rankings';

/** The workspace's ranking before a report is published; the binding draw uses the report's own seed. */
export const PREVIEW_SEED = 'preview';
const AFTER_CLOSING = ['closed', 'under_evaluation', 'awarded', 'void'];

const notFound = (what: string) => new DomainError('not_found', `${what}_not_found`, `No such ${what.replace('_', ' ')}`);

/**
 * Opening and evaluation (RULES.md §4–§6): the acta de cierre, the committee's records of each bid,
 * the live ranking, the published evaluation report with its tie-break seed, and the observations on
 * it. Bids are opened only for the committee and only after closing (BidsService.openAll).
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bids: BidsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly rules: RuleParametersService,
    private readonly lifecycle: TenderLifecycleService,
  ) {}

  /** The tender after closing; a closing the job has not yet made is made now, since the clock decides. */
  private async closedTender(tenderId: string): Promise<Tender> {
    await this.lifecycle.closeIfDue(tenderId);
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || tender.status === 'draft') throw tenderNotFound();
    if (!AFTER_CLOSING.includes(tender.status)) throw new DomainError('conflict', 'not_closed', 'Bids stay sealed until the tender closes');
    return tender;
  }

  /** Acta de cierre: every bidder and when it submitted; public once closed. */
  async closingRecord(tenderId: string): Promise<ClosingRecord> {
    const tender = await this.closedTender(tenderId);
    const rows = await this.db.query(
      `SELECT b.id, o.name, coalesce(p.nit, '') AS nit, b.submitted_at, b.version, b.lot_ids, b.digest, b.status
         FROM bids b JOIN organizations o ON o.id = b.supplier_organization_id
         LEFT JOIN supplier_profiles p ON p.organization_id = b.supplier_organization_id
        WHERE b.tender_id = $1 ORDER BY b.submitted_at, b.id`,
      [tenderId],
    );
    return {
      tenderId,
      reference: tender.reference,
      closingAt: tender.closingAt.toISOString(),
      closedAt: tender.closedAt?.toISOString() ?? null,
      bids: rows.map((r: Record<string, never>) => ({
        bidId: r.id,
        supplierName: r.name,
        supplierNit: r.nit,
        submittedAt: (r.submitted_at as Date).toISOString(),
        version: r.version,
        lotIds: r.lot_ids,
        digest: r.digest,
        status: r.status,
      })),
    };
  }

  async committee(tenderId: string, em: EntityManager = this.db.manager): Promise<CommitteeMember[]> {
    return em.query(
      `SELECT u.id AS "userId", u.name, u.email FROM tender_committee_members c JOIN users u ON u.id = c.user_id
        WHERE c.tender_id = $1 ORDER BY u.name, u.id`,
      [tenderId],
    );
  }

  /** Names the committee: users of the buyer's own organization. */
  async setCommittee(tenderId: string, userIds: string[], actor: Actor): Promise<CommitteeMember[]> {
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      const unique = [...new Set(userIds)];
      const members: { user_id: string }[] = await em.query(
        `SELECT user_id FROM memberships WHERE organization_id = $1 AND role IN ('buyer_admin', 'buyer') AND user_id = ANY($2::uuid[])`,
        [tender.buyerOrganizationId, unique],
      );
      const known = new Set(members.map((m) => m.user_id));
      const problems = unique.flatMap((id, i) =>
        known.has(id) ? [] : [fieldError(`userIds.${i}`, 'not_a_member', 'Only users of the buying organization can evaluate')],
      );
      if (unique.length === 0) problems.push(fieldError('userIds', 'required', 'Name at least one member of the committee'));
      if (problems.length) throw DomainError.fields(problems);
      const before = (await this.committee(tenderId, em)).map((m) => m.userId);
      await em.delete(TenderCommitteeMember, { tenderId });
      await em.insert(
        TenderCommitteeMember,
        unique.map((userId) => ({ tenderId, userId })),
      );
      await this.audit.record(em, actor, {
        action: 'tender.committee_set',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { committee: before }, after: { committee: unique } },
      });
      return this.committee(tenderId, em);
    });
  }

  private async assertOnCommittee(em: EntityManager, tenderId: string, actor: Actor): Promise<void> {
    const found = await em.existsBy(TenderCommitteeMember, { tenderId, userId: actor.userId ?? undefined });
    if (!found) throw new DomainError('forbidden', 'not_on_committee', 'Only the evaluation committee of this tender opens its bids');
  }

  async workspace(tenderId: string, actor: Actor): Promise<EvaluationWorkspace> {
    const tender = await this.closedTender(tenderId);
    await this.assertOnCommittee(this.db.manager, tenderId, actor);
    const em = this.db.manager;
    const opened = await this.bids.openAll(em, tenderId);
    const reviews = await this.reviews(em, opened);
    const bidders = await this.bidders(em, opened);
    const report = await this.latestReport(tenderId);
    const { rule } = await this.rules.tieBreakRule(em);
    return {
      tenderId,
      reference: tender.reference,
      title: tender.title,
      status: tender.status,
      modality: tender.modality,
      committee: await this.committee(tenderId),
      bids: opened.map((o) => this.openedView(o, reviews.get(o.bid.id), bidders, report)),
      rankings: lotRankings(tender, await lotsOf(em, [tenderId]), opened, reviews, bidders, rule, PREVIEW_SEED),
      report,
    };
  }

  private openedView(
    o: OpenedContent,
    review: BidReview | undefined,
    bidders: Map<string, BidderProfile>,
    report: EvaluationReport | null,
  ): OpenedBid {
    const bidder = bidders.get(o.bid.supplierOrganizationId) as BidderProfile;
    const habilitante = review?.habilitante ?? 'pending';
    return {
      bidId: o.bid.id,
      supplierOrganizationId: bidder.organizationId,
      supplierName: bidder.name,
      supplierNit: bidder.nit,
      sizeClass: bidder.sizeClass,
      mipyme: bidder.mipyme,
      womenLed: bidder.womenLed,
      submittedAt: o.bid.submittedAt.toISOString(),
      version: o.bid.version,
      digest: o.bid.digest,
      needsReconfirmation: o.needsReconfirmation,
      lots: o.content.lots,
      claims: o.content.claims ?? defaultVerified(null),
      plural: o.content.plural,
      review: {
        habilitante,
        note: review?.note ?? null,
        scores: Object.fromEntries(
          Object.entries(review?.scoresHundredths ?? {}).map(([lot, parts]) => [
            lot,
            Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v / 100])),
          ]),
        ),
        verified: review?.verified ?? defaultVerified(o.content.claims),
        reviewedAt: review?.reviewedAt.toISOString() ?? null,
        // Subsanación (Ley 1882 de 2018): until the end of the report's comment period.
        correctionDueAt: habilitante === 'needs_correction' && report ? endOfBogotaDay(report.commentUntil).toISOString() : null,
      },
    };
  }

  private async reviews(em: EntityManager, opened: OpenedContent[]): Promise<Map<string, BidReview>> {
    const rows = opened.length ? await em.findBy(BidReview, { bidId: In(opened.map((o) => o.bid.id)) }) : [];
    return new Map(rows.map((r) => [r.bidId, r]));
  }

  private async bidders(em: EntityManager, opened: OpenedContent[]): Promise<Map<string, BidderProfile>> {
    const ids = [...new Set(opened.map((o) => o.bid.supplierOrganizationId))];
    const rows = await em.query(
      `SELECT o.id, o.name, coalesce(p.nit, '') AS nit, c.size_class, ${SUPPLIER_MIPYME_SQL} AS mipyme,
              coalesce(cardinality(p.women_led_criteria) > 0, false) AS women_led
         FROM organizations o LEFT JOIN supplier_profiles p ON p.organization_id = o.id
         LEFT JOIN supplier_size_classifications c ON c.id = p.size_classification_id
        WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r: Record<string, never>) => [
        r.id,
        { organizationId: r.id, name: r.name, nit: r.nit, sizeClass: r.size_class, mipyme: r.mipyme, womenLed: r.women_led },
      ]),
    );
  }

  /** Records the committee's check of a bid; audited, and open until the award (subsanación). */
  async review(tenderId: string, bidId: string, input: BidReviewInput, actor: Actor): Promise<OpenedBid> {
    await this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      await this.assertOnCommittee(em, tenderId, actor);
      if (tender.status !== 'under_evaluation')
        throw new DomainError('conflict', 'not_under_evaluation', 'Bids are reviewed once the evaluation has started and until the award');
      const opened = (await this.bids.openAll(em, tenderId)).find((o) => o.bid.id === bidId);
      if (!opened) throw notFound('bid');
      const problems: FieldError[] = [];
      const note = input.note?.trim() || null;
      if (input.habilitante !== 'pass' && input.habilitante !== 'pending' && !note)
        problems.push(fieldError('note', 'required', 'Say what fails or what must be corrected'));
      const offered = new Set(opened.content.lots.map((l) => l.lotId));
      const scoresHundredths: Record<string, Record<string, number>> = {};
      for (const [lotId, parts] of Object.entries(input.scores ?? {})) {
        if (!offered.has(lotId)) {
          problems.push(fieldError(`scores.${lotId}`, 'unknown_lot', 'The bid does not offer on this lot'));
          continue;
        }
        const hundredths: Record<string, number> = {};
        for (const [key, v] of Object.entries(parts ?? {})) {
          if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6)
            hundredths[key] = Math.round(v * 100);
          else problems.push(fieldError(`scores.${lotId}.${key}`, 'points_format', 'Points are a number with at most two decimals'));
        }
        for (const p of committeeProblems(tender.criteria, hundredths))
          problems.push(
            fieldError(
              `scores.${lotId}.${p.field}`,
              p.code,
              p.code === 'unknown_part' ? 'The committee does not score this part' : 'Between zero and the part’s points',
            ),
          );
        scoresHundredths[lotId] = hundredths;
      }
      if (problems.length) throw DomainError.fields(problems);
      const before = await em.findOneBy(BidReview, { bidId });
      const row: BidReview = {
        bidId,
        habilitante: input.habilitante,
        note,
        scoresHundredths,
        verified: input.verified,
        reviewedBy: actor.userId as string,
        reviewedAt: new Date(),
      };
      await em.save(BidReview, row);
      await this.audit.record(em, actor, {
        action: 'bid.reviewed',
        entityType: 'bid',
        entityId: bidId,
        summary: {
          before: before ? { habilitante: before.habilitante, scores: before.scoresHundredths } : undefined,
          after: { habilitante: row.habilitante, note, scores: scoresHundredths, verified: row.verified },
        },
      });
    });
    const workspace = await this.workspace(tenderId, actor);
    return workspace.bids.find((b) => b.bidId === bidId) as OpenedBid;
  }

  /**
   * Publishes the evaluation report: the rankings fixed with a fresh random seed that is part of the
   * report, so anyone can repeat any draw it contains. A new version replaces an earlier one (after
   * corrections) and reopens the comment period.
   */
  async publishReport(tenderId: string, input: PublishReportInput, actor: Actor): Promise<EvaluationReport> {
    const version = await this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      await this.assertOnCommittee(em, tenderId, actor);
      if (tender.status !== 'under_evaluation')
        throw new DomainError('conflict', 'not_under_evaluation', 'The report is published during the evaluation');
      const rule = await this.rules.scheduleRule(tender.modality, em);
      const earliest = addBusinessDays(bogotaToday(), rule?.commentDays ?? 1);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.commentUntil ?? '') || input.commentUntil < earliest)
        throw DomainError.field('invalid', 'too_soon', 'commentUntil', `Leave bidders until ${earliest} at least to comment`);
      const opened = await this.bids.openAll(em, tenderId);
      const { rule: tieBreak, versionId } = await this.rules.tieBreakRule(em);
      const seed = randomBytes(32).toString('hex');
      const [{ n }] = await em.query(`SELECT coalesce(max(version), 0)::int AS n FROM evaluation_reports WHERE tender_id = $1`, [tenderId]);
      const next = n + 1;
      const publishedAt = new Date();
      const rankings = lotRankings(
        tender,
        await lotsOf(em, [tenderId]),
        opened,
        await this.reviews(em, opened),
        await this.bidders(em, opened),
        tieBreak,
        seed,
      );
      await em.insert(EvaluationReportRecord, {
        tenderId,
        version: next,
        seed,
        commentUntil: input.commentUntil,
        publishedBy: actor.userId as string,
        publishedAt,
        content: {
          tenderId,
          version: next,
          publishedAt: publishedAt.toISOString(),
          commentUntil: input.commentUntil,
          seed,
          tieBreakRule: { ...tieBreak, order: [...tieBreak.order] },
          rankings,
        },
      });
      await this.audit.record(em, actor, {
        action: 'tender.report_published',
        entityType: 'tender',
        entityId: tenderId,
        summary: { after: { version: next, seed, commentUntil: input.commentUntil, tieBreakRuleVersion: versionId } },
      });
      await this.outbox.publish(em, 'tender.report_published', { tenderId, version: next });
      return next;
    });
    return (await this.report(tenderId, version)) as EvaluationReport;
  }

  async latestReport(tenderId: string): Promise<EvaluationReport | null> {
    return this.report(tenderId);
  }

  /** A report (the latest unless `version`) with the observations made on it; public once published. */
  async report(tenderId: string, version?: number): Promise<EvaluationReport | null> {
    const row = await this.db.manager.findOne(EvaluationReportRecord, {
      where: { tenderId, ...(version ? { version } : {}) },
      order: { version: 'DESC' },
    });
    if (!row) return null;
    // The column is what the award checks; the content keeps what was published with it.
    return { ...row.content, commentUntil: row.commentUntil, observations: await this.observations(tenderId) };
  }

  async publicReport(tenderId: string): Promise<EvaluationReport> {
    const report = await this.report(tenderId);
    if (!report) throw notFound('report');
    return report;
  }

  private async observations(tenderId: string): Promise<ObservationView[]> {
    const rows = await this.db.query(
      `SELECT x.id, o.name, x.text, x.created_at, x.answer, x.answered_at FROM evaluation_observations x
         JOIN organizations o ON o.id = x.supplier_organization_id WHERE x.tender_id = $1 ORDER BY x.created_at, x.id`,
      [tenderId],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      supplierName: r.name,
      text: r.text,
      createdAt: (r.created_at as Date).toISOString(),
      answer: r.answer,
      answeredAt: (r.answered_at as Date | null)?.toISOString() ?? null,
    }));
  }

  /** A bidder's observation on the report, during its comment period. */
  async observe(tenderId: string, text: string, actor: Actor): Promise<ObservationView> {
    const id = await this.db.transaction(async (em) => {
      const report = await em.findOne(EvaluationReportRecord, { where: { tenderId }, order: { version: 'DESC' } });
      if (!report) throw notFound('report');
      if (new Date() > endOfBogotaDay(report.commentUntil))
        throw new DomainError('conflict', 'comments_closed', `Observations were received until ${report.commentUntil}`);
      const [bid] = await em.query(`SELECT 1 FROM bids WHERE tender_id = $1 AND supplier_organization_id = $2`, [
        tenderId,
        actor.organizationId,
      ]);
      if (!bid) throw new DomainError('forbidden', 'not_a_bidder', 'Only the bidders of this tender comment on its report');
      const row = await em.save(EvaluationObservation, {
        tenderId,
        reportVersion: report.version,
        supplierOrganizationId: actor.organizationId as string,
        text: text.trim(),
        createdBy: actor.userId as string,
        answer: null,
        answeredBy: null,
        answeredAt: null,
      });
      await this.audit.record(em, actor, {
        action: 'tender.observation_made',
        entityType: 'tender',
        entityId: tenderId,
        summary: { after: { observationId: row.id, reportVersion: report.version } },
      });
      return row.id;
    });
    return (await this.observations(tenderId)).find((o) => o.id === id) as ObservationView;
  }

  async answer(tenderId: string, observationId: string, answer: string, actor: Actor): Promise<ObservationView> {
    await this.db.transaction(async (em) => {
      await this.assertOnCommittee(em, tenderId, actor);
      const row = await em.findOneBy(EvaluationObservation, { id: observationId, tenderId });
      if (!row) throw notFound('observation');
      await em.update(EvaluationObservation, observationId, { answer: answer.trim(), answeredBy: actor.userId, answeredAt: new Date() });
      await this.audit.record(em, actor, {
        action: 'tender.observation_answered',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { answer: row.answer }, after: { observationId, answer: answer.trim() } },
      });
    });
    return (await this.observations(tenderId)).find((o) => o.id === observationId) as ObservationView;
  }
}
