import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AmendmentInput, TenderStatus, TenderView, TerritorialLimitationInput, TransitionInput } from '@eslabon/contracts';
import {
  BUYER_TRANSITIONS,
  acceptsBids,
  TRANSITIONS_WITH_REASON,
  allowedBuyerTransitions,
  bogotaInstant,
  endOfBogotaDay,
  extendForAdenda,
  fieldChanges,
  mipymeLimitation,
  requiresReconfirmation,
} from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { DomainEventType } from '../../core/outbox/domain-events';
import { OutboxService } from '../../core/outbox/outbox.service';
import { bogotaToday } from '../../core/time/bogota';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { Tender, TenderMipymeRequest, TenderVersion } from './tender.entities';
import { lotsOf, termsOf } from './tender-views';
import { TendersService, lockTender } from './tenders.service';

const EVENT_OF: Partial<Record<TenderStatus, DomainEventType>> = {
  open: 'tender.opened',
  under_evaluation: 'tender.evaluation_started',
  void: 'tender.voided',
  cancelled: 'tender.cancelled',
};

/** Terms can be amended while suppliers are preparing: after closing the offers are what they are. */
const AMENDABLE: readonly TenderStatus[] = ['published_draft', 'open'];

/**
 * Refuses a change to published terms once the closing instant has come, even if the closing job has
 * not run yet: otherwise a late job would let the buyer reopen bidding after seeing how many bids came.
 */
export function assertStillAmendable(tender: Tender, now: Date): void {
  if (!AMENDABLE.includes(tender.status) || (tender.status === 'open' && !acceptsBids(tender.status, tender.closingAt, now)))
    throw new DomainError('conflict', 'not_amendable', 'The call has closed: its terms can no longer change');
}

/**
 * The tender's state machine (libs/domain tender-lifecycle.ts, RULES.md §6) with its side effects:
 * every transition runs in one transaction with its audit row and its outbox event; closing and the
 * Decreto 1860 decision are the clock's, run by the worker (tender-deadlines.job.ts).
 */
@Injectable()
export class TenderLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly rules: RuleParametersService,
    private readonly tenders: TendersService,
  ) {}

  async transition(tenderId: string, input: TransitionInput, actor: Actor, now = new Date()): Promise<TenderView> {
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      if (!allowedBuyerTransitions(tender.status, tender.modality).includes(input.transition))
        throw new DomainError('conflict', 'invalid_transition', `A ${tender.status} tender cannot ${input.transition}`);
      const reason = input.reason?.trim() || null;
      if (TRANSITIONS_WITH_REASON.includes(input.transition) && !reason)
        throw DomainError.field('invalid', 'required', 'reason', 'Say why (it is published with the decision)');
      if (input.transition === 'declare_void') {
        // With bids to evaluate, only the award decides a lot void, lot by lot, after the report (AwardsService).
        const [bid] = await em.query(`SELECT 1 FROM bids WHERE tender_id = $1 AND status = 'submitted' LIMIT 1`, [tenderId]);
        if (bid) throw new DomainError('conflict', 'void_through_award', 'This tender has bids: declare its lots void in the award');
      }
      const from = tender.status;
      const to = BUYER_TRANSITIONS[input.transition];
      const changes: Partial<Tender> = { status: to };
      if (from === 'draft') {
        // Publishing fixes the terms as version 1; they must still hold, and bids must still be possible.
        const lots = await lotsOf(em, [tenderId]);
        const terms = termsOf(tender, lots);
        await this.tenders.check(em, terms);
        if (tender.closingAt <= now) throw DomainError.field('invalid', 'too_soon', 'schedule.closing', 'The closing is already past');
        await em.getRepository(TenderVersion).save({
          tenderId,
          number: 1,
          kind: 'publication',
          reason: null,
          changes: [],
          snapshot: terms,
          createdBy: actor.userId,
        });
        Object.assign(changes, { version: 1, publishedAt: now });
      }
      if (to === 'open') {
        // The opening act comes on its date, and never before the mipyme request window has closed
        // (Decreto 1860 de 2021): opening early would decide the limitation on fewer requests.
        const deadline = tender.schedule.mipymeRequestDeadline;
        if (bogotaToday(now) < tender.schedule.opening || (deadline && now <= endOfBogotaDay(deadline)))
          throw DomainError.field('invalid', 'before_opening', 'schedule.opening', `The call opens on ${tender.schedule.opening}`);
        changes.openedAt = now;
      }
      if (to === 'cancelled') changes.cancelledAt = now;
      if (reason) changes.statusReason = reason;
      await em.getRepository(Tender).update(tenderId, changes);
      await this.audit.record(em, actor, {
        action: `tender.${input.transition}`,
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { status: from }, after: { status: to, ...(reason ? { reason } : {}) } },
      });
      if (from === 'draft') await this.outbox.publish(em, 'tender.published', { tenderId, status: to });
      const event = EVENT_OF[to];
      if (event) await this.outbox.publish(em, event, { tenderId });
      // Requests close with the opening at the latest: decide now if the deadline's job has not yet.
      if (to === 'open') await this.decideLimitation(em, { ...tender, ...changes } as Tender, actor, now);
      return this.tenders.ownerView(em, tenderId);
    });
  }

  /**
   * An adenda (after opening) or a revised proyecto de pliego: a new version with the changed fields.
   * An adenda too close to closing extends it (schedule.ts extendForAdenda); one that changes lots,
   * criteria or the deadline asks earlier bids to be reconfirmed (`tender.amended`, issue 7).
   */
  async amend(tenderId: string, input: AmendmentInput, actor: Actor, now = new Date()): Promise<TenderView> {
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      assertStillAmendable(tender, now);
      if (input.tender.modality !== tender.modality)
        throw DomainError.field('invalid', 'not_allowed', 'tender.modality', 'The modality of a published tender cannot change');
      const rule = await this.rules.scheduleRule(tender.modality, em);
      const kind = tender.status === 'open' ? 'adenda' : 'draft_change';
      const extension = kind === 'adenda' && rule ? extendForAdenda(input.tender.schedule, bogotaToday(now), rule) : null;
      const terms = { ...input.tender, schedule: extension?.schedule ?? input.tender.schedule };
      await this.assertRequestDeadlineKept(em, tender, terms.schedule.mipymeRequestDeadline, now);
      await this.tenders.check(em, terms).catch((e: unknown) => {
        // The amended terms are under `tender` in this request body.
        if (e instanceof DomainError && e.options.errors)
          throw DomainError.fields(e.options.errors.map((f) => fieldError(`tender.${f.field}`, f.code ?? 'invalid', f.messages[0])));
        throw e;
      });
      const before = termsOf(tender, await lotsOf(em, [tenderId]));
      const changes = fieldChanges(before, terms);
      if (changes.length === 0) throw new DomainError('invalid', 'no_changes', 'The amendment changes nothing');
      const closingAt = bogotaInstant(terms.schedule.closing, terms.closingTime);
      if (closingAt <= now) throw DomainError.field('invalid', 'too_soon', 'tender.schedule.closing', 'The closing is already past');
      const version = tender.version + 1;
      const reconfirm = kind === 'adenda' && requiresReconfirmation(changes);
      // Bids answering an earlier version are not evaluated unless resubmitted (BidsService receiptOf).
      await em
        .getRepository(Tender)
        .update(tenderId, { ...this.tenders.columns(terms), version, ...(reconfirm ? { reconfirmFromVersion: version } : {}) });
      await this.tenders.replaceLots(em, tenderId, terms);
      const closingExtended = extension?.extended ?? false;
      await em.getRepository(TenderVersion).save({
        tenderId,
        number: version,
        kind,
        reason: input.reason.trim(),
        changes,
        closingExtended,
        snapshot: terms,
        createdBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: `tender.${kind}`,
        entityType: 'tender',
        entityId: tenderId,
        summary: {
          before: { version: tender.version },
          after: { version, changes: changes.map((c) => c.path), closingExtended, reconfirm },
        },
      });
      await this.outbox.publish(em, 'tender.amended', { tenderId, version, reconfirm, closingExtended });
      return this.tenders.ownerView(em, tenderId);
    });
  }

  /**
   * Suppliers relied on the mipyme request deadline: an amendment may move it later, never earlier than
   * it was or than today, and not at all once the rule has been applied.
   */
  private async assertRequestDeadlineKept(em: EntityManager, tender: Tender, next: string | undefined, now: Date): Promise<void> {
    const current = tender.schedule.mipymeRequestDeadline;
    if (!current || next === current) return;
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM tender_mipyme_requests WHERE tender_id = $1`, [tender.id]);
    if (tender.limitation || !next || next < bogotaToday(now) || (n > 0 && next < current))
      throw DomainError.field(
        'invalid',
        'deadline_kept',
        'tender.schedule.mipymeRequestDeadline',
        'The mipyme request deadline can only move later, and not once it has passed or been applied',
      );
  }

  /** Closes the tender if it is open and its closing instant has come; false when there was nothing to do. */
  async closeIfDue(tenderId: string, now = new Date()): Promise<boolean> {
    // A look without a lock first: readers call this often, and the lock would queue the bids behind them.
    const seen = await this.db.manager.findOne(Tender, { where: { id: tenderId }, select: { status: true, closingAt: true } });
    if (!seen || seen.status !== 'open' || seen.closingAt > now) return false;
    return this.db.transaction(async (em) => {
      const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      if (!tender || tender.status !== 'open' || tender.closingAt > now) return false;
      // The seed of a tie-break draw (Ley 2069 art. 35, factor 12) is fixed now, its hash published in the acta de cierre.
      await em.getRepository(Tender).update(tenderId, { status: 'closed', closedAt: now, drawSeed: randomBytes(32).toString('hex') });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'tender.closed',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { status: 'open' }, after: { status: 'closed', closingAt: tender.closingAt.toISOString() } },
      });
      await this.outbox.publish(em, 'tender.closed', { tenderId });
      return true;
    });
  }

  /** Applies the Decreto 1860 rule once the request deadline's day is over; false when not yet due or done. */
  async decideLimitationIfDue(tenderId: string, now = new Date()): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      const deadline = tender?.schedule.mipymeRequestDeadline;
      if (!tender || !deadline || endOfBogotaDay(deadline) > now) return false;
      return this.decideLimitation(em, tender, SYSTEM_ACTOR, now);
    });
  }

  /**
   * Ley 2069 de 2020 art. 30–34, Decreto 1860 de 2021 (RULES.md §2): with requests from at least two
   * Colombian mipymes at least a year old, received by the deadline, the call is limited to mipymes.
   * Decided once, at the deadline or at the opening, whichever comes first; recorded with the threshold
   * version and the requests that counted.
   */
  private async decideLimitation(em: EntityManager, tender: Tender, actor: Actor, now: Date): Promise<boolean> {
    if (tender.limitation || !['published_draft', 'open'].includes(tender.status)) return false;
    const threshold = await this.rules.mipymeCallThreshold(tender.schedule.opening, em);
    if (!threshold) return false;
    const requests = await em.getRepository(TenderMipymeRequest).findBy({ tenderId: tender.id });
    const outcome = mipymeLimitation({
      modality: tender.modality,
      estimatedValueCop: Number(tender.estimatedValueCop),
      thresholdCop: threshold.cop,
      requestDeadline: tender.schedule.mipymeRequestDeadline ?? bogotaToday(now),
      requests: requests.map((r) => ({
        id: r.id,
        receivedOn: r.receivedOn,
        colombian: r.colombian,
        mipyme: r.mipyme,
        constitutedOn: r.constitutedOn,
        documentsComplete: r.documentsComplete,
      })),
    });
    if (!outcome.susceptible) return false;
    const limitation = {
      limited: outcome.limited,
      decidedAt: now.toISOString(),
      ruleVersionId: threshold.versionId,
      thresholdCop: String(threshold.cop),
      validRequestIds: outcome.validRequestIds,
    };
    await em.getRepository(Tender).update(tender.id, { limitation });
    await this.audit.record(em, actor, {
      action: 'tender.limitation_decided',
      entityType: 'tender',
      entityId: tender.id,
      summary: { after: { ...limitation, refused: outcome.refused } },
    });
    await this.outbox.publish(em, 'tender.limitation_decided', { tenderId: tender.id, limited: outcome.limited });
    return true;
  }

  /**
   * A limited call may further be limited to mipymes domiciled where the work is done (art. 2.2.1.2.4.2.3):
   * the buyer's choice, with its justification; mipymes cannot request it.
   */
  async limitTerritory(tenderId: string, input: TerritorialLimitationInput, actor: Actor): Promise<TenderView> {
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      if (!tender.limitation?.limited)
        throw new DomainError('conflict', 'not_limited', 'Only a call limited to mipymes can be limited by territory');
      assertStillAmendable(tender, new Date());
      const rows: { code: string; department_code: string }[] = await em.query(
        `SELECT code, department_code FROM divipola_municipalities WHERE department_code = $1`,
        [tender.executionDepartment],
      );
      const allowed = input.scope === 'department' ? new Set([tender.executionDepartment]) : new Set(rows.map((r) => r.code));
      const bad = input.codes.filter((c) => !allowed.has(c));
      if (bad.length) throw DomainError.field('invalid', 'outside_execution', 'codes', `Not the place of execution: ${bad.join(', ')}`);
      const territorialLimitation = { scope: input.scope, codes: [...new Set(input.codes)], justification: input.justification.trim() };
      await em.getRepository(Tender).update(tenderId, { territorialLimitation });
      await this.audit.record(em, actor, {
        action: 'tender.territorial_limitation',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { territorialLimitation: tender.territorialLimitation }, after: { territorialLimitation } },
      });
      return this.tenders.ownerView(em, tenderId);
    });
  }

  /** Tenders whose closing or limitation deadline has passed without its job having run. */
  async overdue(now = new Date()): Promise<{ closing: string[]; limitation: string[] }> {
    const closing: { id: string }[] = await this.db.query(`SELECT id FROM tenders WHERE status = 'open' AND closing_at <= $1`, [now]);
    const limitation: { id: string; deadline: string }[] = await this.db.query(
      `SELECT id, schedule->>'mipymeRequestDeadline' AS deadline FROM tenders
        WHERE status IN ('published_draft', 'open') AND limitation IS NULL AND schedule ? 'mipymeRequestDeadline'`,
    );
    return {
      closing: closing.map((r) => r.id),
      limitation: limitation.filter((r) => endOfBogotaDay(r.deadline) <= now).map((r) => r.id),
    };
  }
}
