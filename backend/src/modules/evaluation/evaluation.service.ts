import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NO_CLAIMS,
  type BidClaims,
  type VerifiedClaims,
  type BidReviewInput,
  type ClosingRecord,
  type CommitteeMember,
  type EvaluationReport,
  type EvaluationWorkspace,
  type FieldError,
  type OpenedBid,
  type PublishReportInput,
} from '@eslabon/contracts';
import { TieBreakRule, addBusinessDays, committeeProblems, endOfBogotaDay } from '@eslabon/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { bogotaToday } from '../../core/time/bogota';
import { BidDocumentsService } from '../bids/bid-documents.service';
import { BidDocument } from '../bids/bid.entities';
import { BidsService, OpenedContent } from '../bids/bids.service';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { TenderLifecycleService } from '../tenders/tender-lifecycle.service';
import { Tender } from '../tenders/tender.entities';
import { lotsOf } from '../tenders/tender-views';
import { lockTender, tenderNotFound } from '../tenders/tenders.service';
import { assertOnCommittee, notFound } from './committee';
import { EvaluationObservationsService } from './evaluation-observations.service';
import { BidReview, EvaluationReportRecord, TenderCommitteeMember } from './evaluation.entities';
import { BidderProfile, defaultVerified, lotRankings } from './lot-rankings';

const AFTER_CLOSING = ['closed', 'under_evaluation', 'awarded', 'void'];

/** The committee confirms or lowers what a bid claimed, never grants more: that would rewrite a sealed bid. */
function beyondClaims(claims: BidClaims | null, verified: VerifiedClaims): FieldError[] {
  const declared = { ...NO_CLAIMS, ...claims };
  return (Object.keys(NO_CLAIMS) as (keyof BidClaims)[]).flatMap((key) =>
    Number(verified[key]) > Number(declared[key])
      ? [fieldError(`verified.${key}`, 'beyond_claim', 'The bid did not claim this much; the evidence can only confirm or lower a claim')]
      : [],
  );
}

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
    private readonly observationsService: EvaluationObservationsService,
    private readonly documents: BidDocumentsService,
  ) {}

  /** The tender after closing; a closing the job has not yet made is made now, since the clock decides. */
  private async closedTender(tenderId: string): Promise<Tender> {
    await this.lifecycle.closeIfDue(tenderId);
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || tender.status === 'draft') throw tenderNotFound();
    if (!AFTER_CLOSING.includes(tender.status)) throw new DomainError('conflict', 'not_closed', 'Bids stay sealed until the tender closes');
    return tender;
  }

  /**
   * The tie-break draw's seed, fixed when the tender closed (TenderLifecycleService.closeIfDue) and the
   * same for every version of the report, so no one can publish again for another draw. A tender
   * closed before seeds existed gets one the first time it is asked for.
   */
  private async drawSeed(em: EntityManager, tender: Tender): Promise<string> {
    if (tender.drawSeed) return tender.drawSeed;
    const seed = randomBytes(32).toString('hex');
    await em.query(`UPDATE tenders SET draw_seed = $2 WHERE id = $1 AND draw_seed IS NULL`, [tender.id, seed]);
    const [row] = await em.query(`SELECT draw_seed FROM tenders WHERE id = $1`, [tender.id]);
    return row.draw_seed;
  }

  /**
   * The tie-break rule of this evaluation: the one its first report used (so a later correction of the
   * rule parameter does not reorder a published ranking), or the one in force before any report.
   */
  private async tieBreakFor(em: EntityManager, tenderId: string): Promise<{ rule: TieBreakRule; versionId: string | null }> {
    const first = await em.findOne(EvaluationReportRecord, { where: { tenderId }, order: { version: 'ASC' } });
    if (first) return { rule: first.content.tieBreakRule as TieBreakRule, versionId: null };
    return this.rules.tieBreakRule(em);
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
      // The draw's seed stays secret until the report; its hash now proves it was not chosen later.
      drawSeedSha256: createHash('sha256')
        .update(await this.drawSeed(this.db.manager, tender))
        .digest('hex'),
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

  async workspace(tenderId: string, actor: Actor): Promise<EvaluationWorkspace> {
    const tender = await this.closedTender(tenderId);
    await assertOnCommittee(this.db.manager, tenderId, actor);
    const em = this.db.manager;
    const opened = await this.bids.openAll(em, tenderId);
    const reviews = await this.reviews(em, opened);
    const bidders = await this.bidders(em, opened);
    const report = await this.report(tenderId);
    const { rule } = await this.tieBreakFor(em, tenderId);
    return {
      tenderId,
      reference: tender.reference,
      title: tender.title,
      status: tender.status,
      modality: tender.modality,
      committee: await this.committee(tenderId),
      bids: opened.map((o) => this.openedView(o, reviews.get(o.bid.id), bidders, report)),
      rankings: lotRankings(tender, await lotsOf(em, [tenderId]), opened, reviews, bidders, rule, await this.drawSeed(em, tender)),
      report,
    };
  }

  private openedView(
    o: OpenedContent,
    review: BidReview | undefined,
    bidders: Map<string, BidderProfile>,
    report: EvaluationReport | null,
  ): OpenedBid {
    const bidder = bidders.get(o.bid.id) as BidderProfile;
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
      documents: o.content.documents ?? [],
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
    const rows: { id: string; name: string; nit: string }[] = await em.query(
      `SELECT o.id, o.name, coalesce(p.nit, '') AS nit FROM organizations o LEFT JOIN supplier_profiles p ON p.organization_id = o.id
        WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    const byOrg = new Map(rows.map((r) => [r.id, r]));
    return new Map(
      opened.map((o) => {
        const org = byOrg.get(o.bid.supplierOrganizationId) as { name: string; nit: string };
        return [o.bid.id, { organizationId: o.bid.supplierOrganizationId, name: org.name, nit: org.nit, ...o.bid.bidderFacts }];
      }),
    );
  }

  /** A document an opened bid lists, decrypted, for the committee. */
  async document(
    tenderId: string,
    bidId: string,
    documentId: string,
    actor: Actor,
  ): Promise<{ name: string; row: BidDocument; body: Buffer }> {
    await this.closedTender(tenderId);
    await assertOnCommittee(this.db.manager, tenderId, actor);
    const opened = (await this.bids.openAll(this.db.manager, tenderId)).find((o) => o.bid.id === bidId);
    const ref = opened?.content.documents?.find((d) => d.documentId === documentId);
    if (!opened || !ref) throw notFound('document');
    const { row, body } = await this.documents.read(this.db.manager, tenderId, opened.bid.supplierOrganizationId, documentId);
    return { name: ref.name, row, body };
  }

  /** Records the committee's check of a bid; audited, and open until the award (subsanación). */
  async review(tenderId: string, bidId: string, input: BidReviewInput, actor: Actor): Promise<OpenedBid> {
    const { opened, row } = await this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      await assertOnCommittee(em, tenderId, actor);
      if (tender.status !== 'under_evaluation')
        throw new DomainError('conflict', 'not_under_evaluation', 'Bids are reviewed once the evaluation has started and until the award');
      const opened = (await this.bids.openAll(em, tenderId)).find((o) => o.bid.id === bidId);
      if (!opened) throw notFound('bid');
      if (opened.bid.status !== 'submitted') throw new DomainError('conflict', 'bid_withdrawn', 'The bid was withdrawn');
      const before = await em.findOneBy(BidReview, { bidId });
      const report = await em.findOne(EvaluationReportRecord, { where: { tenderId }, order: { version: 'DESC' } });
      // Subsanación ends with the report's comment period (Ley 1882 de 2018): a bid asked to correct stays as it is.
      if (
        before?.habilitante === 'needs_correction' &&
        input.habilitante === 'pass' &&
        report &&
        new Date() > endOfBogotaDay(report.commentUntil)
      )
        throw DomainError.field(
          'conflict',
          'correction_window_closed',
          'habilitante',
          `Corrections were received until ${report.commentUntil}`,
        );
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
      problems.push(...beyondClaims(opened.content.claims, input.verified));
      if (problems.length) throw DomainError.fields(problems);
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
      return { opened, row };
    });
    return this.openedView(opened, row, await this.bidders(this.db.manager, [opened]), await this.report(tenderId));
  }

  /**
   * Publishes the evaluation report: the rankings fixed with a fresh random seed that is part of the
   * report, so anyone can repeat any draw it contains. A new version replaces an earlier one (after
   * corrections) and reopens the comment period.
   */
  async publishReport(tenderId: string, input: PublishReportInput, actor: Actor): Promise<EvaluationReport> {
    const version = await this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      await assertOnCommittee(em, tenderId, actor);
      if (tender.status !== 'under_evaluation')
        throw new DomainError('conflict', 'not_under_evaluation', 'The report is published during the evaluation');
      const rule = await this.rules.scheduleRule(tender.modality, em);
      const earliest = addBusinessDays(bogotaToday(), rule?.commentDays ?? 1);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.commentUntil ?? '') || input.commentUntil < earliest)
        throw DomainError.field('invalid', 'too_soon', 'commentUntil', `Leave bidders until ${earliest} at least to comment`);
      const opened = await this.bids.openAll(em, tenderId);
      const reviews = await this.reviews(em, opened);
      const unreviewed = opened.filter((o) => o.bid.status === 'submitted' && !o.needsReconfirmation && !reviews.has(o.bid.id));
      if (unreviewed.length > 0)
        throw new DomainError('conflict', 'reviews_pending', `Review every bid before the report (${unreviewed.length} to go)`);
      const { rule: tieBreak, versionId } = await this.tieBreakFor(em, tenderId);
      const seed = await this.drawSeed(em, tender);
      const [{ n }] = await em.query(`SELECT coalesce(max(version), 0)::int AS n FROM evaluation_reports WHERE tender_id = $1`, [tenderId]);
      const next = n + 1;
      const publishedAt = new Date();
      const rankings = lotRankings(tender, await lotsOf(em, [tenderId]), opened, reviews, await this.bidders(em, opened), tieBreak, seed);
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
        summary: {
          after: {
            version: next,
            seed,
            commentUntil: input.commentUntil,
            ...(versionId ? { tieBreakRuleVersion: versionId } : { tieBreakRuleOfReport: 1 }),
          },
        },
      });
      await this.outbox.publish(em, 'tender.report_published', { tenderId, version: next });
      return next;
    });
    return (await this.report(tenderId, version)) as EvaluationReport;
  }

  /** A report (the latest unless `version`) with the observations made on it; public once published. */
  async report(tenderId: string, version?: number): Promise<EvaluationReport | null> {
    const row = await this.db.manager.findOne(EvaluationReportRecord, {
      where: { tenderId, ...(version ? { version } : {}) },
      order: { version: 'DESC' },
    });
    if (!row) return null;
    // The column is what the award checks; the content keeps what was published with it.
    return { ...row.content, commentUntil: row.commentUntil, observations: await this.observationsService.list(tenderId) };
  }

  async publicReport(tenderId: string): Promise<EvaluationReport> {
    const report = await this.report(tenderId);
    if (!report) throw notFound('report');
    return report;
  }
}
