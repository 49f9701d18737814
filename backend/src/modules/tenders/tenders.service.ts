import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LotMatchCount, LotMatchQuery, TenderInput, TenderListQuery, TenderPage, TenderView } from '@eslabon/contracts';
import { MatchTender, bogotaInstant, fieldChanges, matchSupplier } from '@eslabon/domain';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { bogotaToday } from '../../core/time/bogota';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { matchCandidates } from '../matching/match-candidates';
import { tenderProblems } from './tender-checks';
import { Tender, TenderLot } from './tender.entities';
import { lotsOf, summaries, tenderView, termsOf } from './tender-views';

/** Who is looking at a tender: the owning buyer's members, a supplier, or anyone. */
export interface Viewer {
  organizationId: string | null;
  isOwner: boolean;
  isSupplier: boolean;
}

export const ANYONE: Viewer = { organizationId: null, isOwner: false, isSupplier: false };

const DEFAULT_PAGE_SIZE = 20;

/** Tenders and their lots: drafts the buyer edits, and the views everyone reads. */
@Injectable()
export class TendersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: RuleParametersService,
  ) {}

  /** Refuses terms that break a rule, every problem at once; nothing is written. */
  async check(em: EntityManager, input: TenderInput): Promise<void> {
    const problems = await tenderProblems(em, input, await this.rules.scheduleRule(input.modality, em));
    if (problems.length) throw DomainError.fields(problems);
  }

  async create(buyerOrganizationId: string, input: TenderInput, actor: Actor): Promise<TenderView> {
    return this.db.transaction(async (em) => {
      await this.check(em, input);
      const [{ seq }] = await em.query(`SELECT nextval('tender_reference_seq')::text AS seq`);
      const tender = await em.getRepository(Tender).save({
        ...this.columns(input),
        reference: `ESL-${bogotaToday().slice(0, 4)}-${seq.padStart(6, '0')}`,
        buyerOrganizationId,
        status: 'draft' as const,
        createdBy: actor.userId,
      });
      await this.replaceLots(em, tender.id, input);
      await this.audit.record(em, actor, {
        action: 'tender.created',
        entityType: 'tender',
        entityId: tender.id,
        summary: {
          after: { reference: tender.reference, status: 'draft', title: input.title, estimatedValueCop: input.estimatedValueCop },
        },
      });
      return this.ownerView(em, tender.id);
    });
  }

  /** A draft changes freely; once published, its terms change only by adenda (TenderLifecycleService.amend). */
  async update(tenderId: string, input: TenderInput, actor: Actor): Promise<TenderView> {
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      if (tender.status !== 'draft') throw new DomainError('conflict', 'not_draft', 'Published terms change only by adenda');
      await this.check(em, input);
      const before = termsOf(tender, await lotsOf(em, [tenderId]));
      await em.getRepository(Tender).update(tenderId, this.columns(input));
      await this.replaceLots(em, tenderId, input);
      await this.audit.record(em, actor, {
        action: 'tender.draft_saved',
        entityType: 'tender',
        entityId: tenderId,
        summary: { after: { changes: fieldChanges(before, input).map((c) => c.path) } },
      });
      return this.ownerView(em, tenderId);
    });
  }

  columns(input: TenderInput): Partial<Tender> {
    return {
      title: input.title.trim(),
      description: input.description.trim(),
      modality: input.modality,
      productiveBet: input.productiveBet ?? null,
      executionDepartment: input.executionDepartment,
      executionMunicipality: input.executionMunicipality ?? null,
      estimatedValueCop: input.estimatedValueCop,
      schedule: input.schedule,
      closingTime: input.closingTime,
      closingAt: bogotaInstant(input.schedule.closing, input.closingTime),
      criteria: input.criteria,
    };
  }

  /**
   * Lots are matched by position, so a lot keeps its id (and the questions asked about it) across
   * edits; lots past the new count are removed.
   */
  async replaceLots(em: EntityManager, tenderId: string, input: TenderInput): Promise<void> {
    const repo = em.getRepository(TenderLot);
    const existing = await repo.find({ where: { tenderId }, order: { position: 'ASC' } });
    await repo.delete({ tenderId, position: Not(In(input.lots.map((_, i) => i))) });
    for (const [position, lot] of input.lots.entries()) {
      const row = {
        tenderId,
        position,
        title: lot.title.trim(),
        description: lot.description.trim(),
        unspscClasses: [...new Set(lot.unspscClasses)],
        quantity: lot.quantity,
        unit: lot.unit.trim(),
        estimatedValueCop: lot.estimatedValueCop,
        reservedForMipymes: lot.reservedForMipymes,
        reservedForEconomiaPopular: lot.reservedForEconomiaPopular,
        territorialLimitation: lot.territorialLimitation ?? null,
        nationalComponentMinPercent: lot.nationalComponentMinPercent ?? null,
      };
      const same = existing.find((e) => e.position === position);
      if (same) await repo.update(same.id, row);
      else await repo.insert(row);
    }
  }

  ownerView(em: EntityManager, tenderId: string): Promise<TenderView> {
    return this.view(em, tenderId, { organizationId: null, isOwner: true, isSupplier: false });
  }

  async view(em: EntityManager, tenderId: string, viewer: Viewer): Promise<TenderView> {
    const tender = await em.findOneBy(Tender, { id: tenderId });
    if (!tender || hiddenFrom(tender, viewer)) throw tenderNotFound();
    const [threshold, [{ count }]] = await Promise.all([
      this.rules.mipymeCallThreshold(tender.schedule.opening, em),
      em.query(`SELECT count(*)::int AS count FROM tender_mipyme_requests WHERE tender_id = $1`, [tenderId]),
    ]);
    return tenderView(em, tender, {
      ownerView: viewer.isOwner,
      supplierOrganizationId: viewer.isSupplier ? viewer.organizationId : null,
      threshold,
      requestCount: count,
    });
  }

  publicView(tenderId: string, viewer: Viewer): Promise<TenderView> {
    return this.view(this.db.manager, tenderId, viewer);
  }

  buyerView(tenderId: string): Promise<TenderView> {
    return this.ownerView(this.db.manager, tenderId);
  }

  /** A buyer's own tenders, drafts included, newest first. */
  buyerTenders(buyerOrganizationId: string, query: TenderListQuery): Promise<TenderPage> {
    return this.page({ buyerOrganizationId, ...(query.status ? { status: query.status } : {}) }, query);
  }

  private async page(where: Record<string, unknown>, query: TenderListQuery): Promise<TenderPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.db.getRepository(Tender).findAndCount({
      where,
      order: { updatedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await summaries(this.db.manager, rows), total, page, pageSize };
  }

  /**
   * Suppliers the matching rule (libs/domain matching.ts) would tell of each lot, by size and how many are
   * domiciled in the department — the desagregación tecnológica signal (CONPES 4129, RULES.md §8). Before a
   * department is chosen every region counts.
   */
  async lotMatchCounts(lots: LotMatchQuery[]): Promise<LotMatchCount[]> {
    const candidates = await matchCandidates(
      this.db.manager,
      lots.flatMap((l) => l.unspscClasses),
    );
    return lots.map((lot) => {
      const count: LotMatchCount = { total: 0, bySize: { micro: 0, pequena: 0, mediana: 0, grande: 0, unclassified: 0 }, inDepartment: 0 };
      const subject: MatchTender = {
        department: lot.department ?? '',
        limitedToMipymes: false,
        territorial: null,
        lots: [{ position: 1, classes: lot.unspscClasses, ...lot, territorialLimitation: null }],
      };
      for (const c of candidates) {
        const anywhere = lot.department ? c : { ...c, coverage: { scope: 'national' as const, codes: [] } };
        if (!matchSupplier(subject, anywhere)) continue;
        count.total++;
        count.bySize[c.sizeClass ?? 'unclassified']++;
        if (lot.department && c.domicileDepartment === lot.department) count.inDepartment++;
      }
      return count;
    });
  }
}

/** A draft is the buyer's own work: to anyone else it does not exist. */
export function hiddenFrom(tender: Tender, viewer: Viewer): boolean {
  return tender.status === 'draft' && !viewer.isOwner && viewer.organizationId !== tender.buyerOrganizationId;
}

export function tenderNotFound(): DomainError {
  return new DomainError('not_found', 'tender_not_found', 'No such tender');
}

/** The tender row locked for the rest of the transaction, so two changes never interleave. */
export async function lockTender(em: EntityManager, tenderId: string): Promise<Tender> {
  const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
  if (!tender) throw tenderNotFound();
  return tender;
}
