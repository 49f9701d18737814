import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isNationalOffer,
  type AwardInput,
  type AwardView,
  type ContractCloseInput,
  type ContractView,
  type FieldError,
} from '@eslabon/contracts';
import { canTransition, endOfBogotaDay } from '@eslabon/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { BidsService, OpenedContent } from '../bids/bids.service';
import { EvaluationReportRecord } from '../evaluation/evaluation.entities';
import { Tender } from '../tenders/tender.entities';
import { lotsOf } from '../tenders/tender-views';
import { lockTender, tenderNotFound } from '../tenders/tenders.service';
import { Award, Contract } from './award.entities';

/** A real calendar day `YYYY-MM-DD` (not 2027-02-30). */
const isDate = (d: string | null): d is string =>
  !!d && /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

function contractView(c: Contract): ContractView {
  return {
    id: c.id,
    status: c.status,
    valueCop: c.valueCop,
    startDate: c.startDate,
    endDate: c.endDate,
    nationalComponentPercent: c.nationalComponentPercent,
    rating: c.rating,
    completedAt: c.completedAt?.toISOString() ?? null,
    terminationReason: c.terminationReason,
  };
}

/**
 * Award per lot and the contract that follows (RULES.md §6). A lot goes to the first of the published
 * report's ranking — the buyer chooses only between that and void (desierto, with its reason) — once
 * the comment period is over and every observation is answered.
 */
@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly bids: BidsService,
  ) {}

  async award(tenderId: string, input: AwardInput, actor: Actor, now = new Date()): Promise<AwardView[]> {
    await this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      if (tender.status !== 'under_evaluation')
        throw new DomainError('conflict', 'not_under_evaluation', 'A tender is awarded at the end of its evaluation');
      const report = await em.findOne(EvaluationReportRecord, { where: { tenderId }, order: { version: 'DESC' } });
      if (!report) throw new DomainError('conflict', 'no_report', 'Publish the evaluation report first');
      if (now <= endOfBogotaDay(report.commentUntil))
        throw new DomainError('conflict', 'comment_period_open', `Bidders may comment on the report until ${report.commentUntil}`);
      const [{ later }] = await em.query(
        `SELECT count(*)::int AS later FROM bid_reviews r JOIN bids b ON b.id = r.bid_id WHERE b.tender_id = $1 AND r.reviewed_at > $2`,
        [tenderId, report.publishedAt],
      );
      // A review changed after the report (a subsanación, say): the award must rest on a report that shows it.
      if (later > 0)
        throw new DomainError('conflict', 'report_outdated', 'A bid was reviewed after the report: publish a new version first');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM evaluation_observations WHERE tender_id = $1 AND answer IS NULL`, [
        tenderId,
      ]);
      if (n > 0) throw new DomainError('conflict', 'observations_unanswered', 'Answer every observation before the award');

      const lots = await lotsOf(em, [tenderId]);
      const problems: FieldError[] = [];
      const decided = new Set(input.decisions.map((d) => d.lotId));
      if (decided.size !== input.decisions.length || lots.some((l) => !decided.has(l.id)) || decided.size !== lots.length)
        problems.push(fieldError('decisions', 'every_lot_once', 'Decide every lot of the tender, each once'));
      const opened = new Map((await this.bids.openAll(em, tenderId, now)).map((o) => [o.bid.id, o]));
      const rows: { award: Partial<Award>; contract: Partial<Contract> | null }[] = [];
      input.decisions.forEach((d, i) => {
        const lot = lots.find((l) => l.id === d.lotId);
        if (!lot) return;
        const reason = d.reason?.trim() || null;
        if (d.outcome === 'void') {
          if (!reason) problems.push(fieldError(`decisions.${i}.reason`, 'required', 'Say why the lot is declared void (desierto)'));
          rows.push({ award: { tenderId, lotId: lot.id, outcome: 'void', reason }, contract: null });
          return;
        }
        const first = report.content.rankings.find((r) => r.lotId === lot.id)?.lines[0];
        if (!first) {
          problems.push(
            fieldError(`decisions.${i}.outcome`, 'no_eligible_bid', 'No bid qualified on this lot: it can only be declared void'),
          );
          return;
        }
        if (!isDate(d.startDate)) problems.push(fieldError(`decisions.${i}.startDate`, 'required', 'The contract’s start date'));
        if (!isDate(d.endDate) || (d.startDate && d.endDate < d.startDate))
          problems.push(fieldError(`decisions.${i}.endDate`, 'after_start', 'The contract’s end date, on or after its start'));
        const bid = opened.get(first.bidId) as OpenedContent;
        const offer = bid.content.lots.find((l) => l.lotId === lot.id);
        const national = isNationalOffer(first.nationalIndustry);
        rows.push({
          award: {
            tenderId,
            lotId: lot.id,
            outcome: 'awarded',
            bidId: first.bidId,
            supplierOrganizationId: bid.bid.supplierOrganizationId,
            valueCop: first.priceCop,
            nationalIndustry: first.nationalIndustry,
            // As recorded with the bid, the size its bonuses and tie-breaks were decided on.
            sizeClass: bid.bid.bidderFacts.sizeClass,
            reason,
          },
          contract: {
            buyerOrganizationId: tender.buyerOrganizationId,
            supplierOrganizationId: bid.bid.supplierOrganizationId,
            valueCop: first.priceCop,
            startDate: d.startDate as string,
            endDate: d.endDate as string,
            nationalComponentPercent: national ? 100 : (offer?.nationalComponentPercent ?? 0),
          },
        });
      });
      if (problems.length) throw DomainError.fields(problems);

      const anyAwarded = rows.some((r) => r.award.outcome === 'awarded');
      const to = anyAwarded ? 'awarded' : 'void';
      if (!canTransition(tender.status, to, tender.modality))
        throw new DomainError('conflict', 'invalid_transition', `Cannot move to ${to}`);
      for (const { award, contract } of rows) {
        const saved = await em.save(Award, {
          ...award,
          decidedBy: actor.userId as string,
          decidedAt: now,
        });
        await this.audit.record(em, actor, {
          action: `award.${saved.outcome}`,
          entityType: 'award',
          entityId: saved.id,
          summary: {
            after: {
              tenderId,
              lotId: saved.lotId,
              bidId: saved.bidId,
              valueCop: saved.valueCop,
              reason: saved.reason,
              reportVersion: report.version,
            },
          },
        });
        if (contract) {
          const c = await em.save(Contract, { ...contract, awardId: saved.id, status: 'active' as const });
          await this.audit.record(em, actor, {
            action: 'contract.created',
            entityType: 'contract',
            entityId: c.id,
            summary: { after: { awardId: saved.id, valueCop: c.valueCop, startDate: c.startDate, endDate: c.endDate } },
          });
        }
      }
      const statusReason = anyAwarded ? null : rows.map((r) => r.award.reason).join(' · ');
      await em.update(Tender, tenderId, { status: to, statusReason });
      await this.audit.record(em, actor, {
        action: anyAwarded ? 'tender.awarded' : 'tender.declare_void',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { status: tender.status }, after: { status: to, reportVersion: report.version } },
      });
      await this.outbox.publish(em, anyAwarded ? 'tender.awarded' : 'tender.voided', { tenderId });
    });
    return this.awards(tenderId, actor);
  }

  /** What was decided, for anyone; the contract record only for the buyer. */
  async awards(tenderId: string, viewer: Actor | null): Promise<AwardView[]> {
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || tender.status === 'draft') throw tenderNotFound();
    const rows = await this.db.query(
      `SELECT a.*, l.title AS lot_title, o.name AS supplier_name, p.nit AS supplier_nit
         FROM awards a JOIN tender_lots l ON l.id = a.lot_id
         LEFT JOIN organizations o ON o.id = a.supplier_organization_id
         LEFT JOIN supplier_profiles p ON p.organization_id = a.supplier_organization_id
        WHERE a.tender_id = $1 ORDER BY l.position`,
      [tenderId],
    );
    const isBuyer = viewer?.organizationId === tender.buyerOrganizationId;
    const awardIds = rows.map((r: { id: string }) => r.id);
    const contracts = isBuyer && awardIds.length ? await this.db.manager.findBy(Contract, { awardId: In(awardIds) }) : [];
    return rows.map((r: Record<string, never>) => {
      const contract = contracts.find((c) => c.awardId === r.id);
      return {
        lotId: r.lot_id,
        lotTitle: r.lot_title,
        outcome: r.outcome,
        reason: r.reason,
        decidedAt: (r.decided_at as Date).toISOString(),
        supplierOrganizationId: r.supplier_organization_id,
        supplierName: r.supplier_name,
        supplierNit: r.supplier_nit,
        sizeClass: r.size_class,
        valueCop: r.value_cop,
        nationalIndustry: r.national_industry,
        contract: contract ? contractView(contract) : null,
      };
    });
  }

  /** Ends a contract: completed with the buyer's rating of the supplier, or terminated with a reason. */
  async close(contractId: string, input: ContractCloseInput, actor: Actor): Promise<ContractView> {
    return this.db.transaction(async (em: EntityManager) => {
      const contract = await em.findOne(Contract, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
      if (!contract) throw new DomainError('not_found', 'contract_not_found', 'No such contract');
      if (contract.status !== 'active') throw new DomainError('conflict', 'contract_closed', `The contract is already ${contract.status}`);
      const problems: FieldError[] = [];
      const reason = input.reason?.trim() || null;
      if (input.outcome === 'completed') {
        for (const key of ['onTime', 'quality', 'documentation'] as const) {
          const v = input.rating?.[key];
          if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5))
            problems.push(fieldError(`rating.${key}`, 'rating_range', 'Rate from 1 to 5'));
        }
      } else if (!reason) problems.push(fieldError('reason', 'required', 'Say why the contract was terminated'));
      if (problems.length) throw DomainError.fields(problems);
      const changes: Partial<Contract> = {
        status: input.outcome,
        completedAt: new Date(),
        rating: input.outcome === 'completed' ? input.rating : null,
        terminationReason: input.outcome === 'terminated' ? reason : null,
      };
      await em.update(Contract, contractId, changes);
      await this.audit.record(em, actor, {
        action: `contract.${input.outcome}`,
        entityType: 'contract',
        entityId: contractId,
        summary: { before: { status: contract.status }, after: { status: input.outcome, rating: changes.rating, reason } },
      });
      const { tenderId } = await em.findOneByOrFail(Award, { id: contract.awardId });
      await this.outbox.publish(em, 'contract.closed', { tenderId, contractId });
      return contractView({ ...contract, ...changes } as Contract);
    });
  }
}
