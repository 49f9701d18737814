import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldError, PlanLineInput, PlanLinePage, PlanLineQuery, PlanLineView } from '@eslabon/contracts';
import { fieldChanges } from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { PlanLine, PlanLineInterest } from './plan-line.entities';

const DEFAULT_PAGE_SIZE = 20;

/** The terms of a line as the buyer wrote them: what updates compare and the audit log records. */
function termsOf(line: PlanLine): PlanLineInput {
  return {
    year: line.year,
    description: line.description,
    unspscClasses: line.unspscClasses,
    estimatedValueCop: line.estimatedValueCop,
    expectedMonth: line.expectedMonth,
    modality: line.modality,
    productiveBet: line.productiveBet,
  };
}

function planLineNotFound(): DomainError {
  return new DomainError('not_found', 'plan_line_not_found', 'No such plan line');
}

/**
 * The Plan Anual de Adquisiciones (Decreto 1082 de 2015 art. 2.2.1.1.1.4.1): lines the buyer drafts and
 * publishes — and keeps updating during the year — and the published lines suppliers browse to prepare,
 * marking the ones they are interested in.
 */
@Injectable()
export class PlanLinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The buyer's own lines, drafts included, in the order of the year. */
  async buyerLines(buyerOrganizationId: string, year: number | undefined): Promise<PlanLineView[]> {
    const rows = await this.db.getRepository(PlanLine).find({
      where: { buyerOrganizationId, ...(year ? { year } : {}) },
      order: { year: 'ASC', expectedMonth: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return this.views(this.db.manager, rows, null);
  }

  async create(buyerOrganizationId: string, input: PlanLineInput, actor: Actor): Promise<PlanLineView> {
    return this.db.transaction(async (em) => {
      await this.check(em, input);
      const line = await em.getRepository(PlanLine).save({ ...this.columns(input), buyerOrganizationId, publishedAt: null });
      await this.audit.record(em, actor, {
        action: 'plan_line.created',
        entityType: 'plan_line',
        entityId: line.id,
        summary: { after: { ...termsOf(line), buyerOrganizationId } },
      });
      return this.view(em, line.id);
    });
  }

  /** Drafts and published lines alike: the plan is updated during the year, and each change is on record. */
  async update(planLineId: string, input: PlanLineInput, actor: Actor): Promise<PlanLineView> {
    return this.db.transaction(async (em) => {
      const line = await lockLine(em, planLineId);
      await this.check(em, input);
      const before = termsOf(line);
      const columns = this.columns(input);
      await em.getRepository(PlanLine).update(planLineId, columns);
      const changes = fieldChanges(before, { ...before, ...columns });
      await this.audit.record(em, actor, {
        action: 'plan_line.updated',
        entityType: 'plan_line',
        entityId: planLineId,
        summary: {
          before: Object.fromEntries(changes.map((c) => [c.path, c.before])),
          after: { ...Object.fromEntries(changes.map((c) => [c.path, c.after])), published: line.publishedAt !== null },
        },
      });
      return this.view(em, planLineId);
    });
  }

  /** Publishing twice keeps the first publication. */
  async publish(planLineId: string, actor: Actor): Promise<PlanLineView> {
    return this.db.transaction(async (em) => {
      const line = await lockLine(em, planLineId);
      if (!line.publishedAt) {
        const publishedAt = new Date();
        await em.getRepository(PlanLine).update(planLineId, { publishedAt });
        await this.audit.record(em, actor, {
          action: 'plan_line.published',
          entityType: 'plan_line',
          entityId: planLineId,
          summary: { after: { publishedAt: publishedAt.toISOString() } },
        });
      }
      return this.view(em, planLineId);
    });
  }

  /** Only a draft: once suppliers could see a line, it is corrected, not made to disappear. */
  async remove(planLineId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      const line = await lockLine(em, planLineId);
      if (line.publishedAt) throw new DomainError('conflict', 'plan_line_published', 'A published plan line cannot be deleted');
      await em.getRepository(PlanLine).delete(planLineId);
      await this.audit.record(em, actor, {
        action: 'plan_line.deleted',
        entityType: 'plan_line',
        entityId: planLineId,
        summary: { before: { ...termsOf(line), buyerOrganizationId: line.buyerOrganizationId } },
      });
    });
  }

  /** Published lines only, in the order they are expected to come; `interested` for the viewing supplier. */
  async publicLines(query: PlanLineQuery, supplierOrganizationId: string | null): Promise<PlanLinePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.db.getRepository(PlanLine).createQueryBuilder('l').where('l.published_at IS NOT NULL');
    if (query.year) qb.andWhere('l.year = :year', { year: query.year });
    if (query.unspsc)
      qb.andWhere('EXISTS (SELECT 1 FROM unnest(l.unspsc_classes) AS c(code) WHERE c.code LIKE :prefix)', {
        prefix: `${query.unspsc}%`,
      });
    if (query.department)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM buyer_profiles bp WHERE bp.organization_id = l.buyer_organization_id AND bp.department_code = :department)',
        {
          department: query.department,
        },
      );
    const [rows, total] = await qb
      .orderBy('l.year', 'ASC')
      .addOrderBy('l.expectedMonth', 'ASC')
      .addOrderBy('l.publishedAt', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.views(this.db.manager, rows, supplierOrganizationId), total, page, pageSize };
  }

  /** Marking twice, or unmarking a line never marked, changes nothing. Drafts do not exist for suppliers. */
  async setInterest(planLineId: string, supplierOrganizationId: string, interested: boolean, actor: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      const line = await em.findOneBy(PlanLine, { id: planLineId });
      if (!line?.publishedAt) throw planLineNotFound();
      const repo = em.getRepository(PlanLineInterest);
      const changed = interested
        ? ((
            await repo
              .createQueryBuilder()
              .insert()
              .values({ planLineId, organizationId: supplierOrganizationId })
              .orIgnore()
              .returning('plan_line_id')
              .execute()
          ).raw.length as number) > 0
        : ((await repo.delete({ planLineId, organizationId: supplierOrganizationId })).affected ?? 0) > 0;
      if (changed)
        await this.audit.record(em, actor, {
          action: interested ? 'plan_line.interest_marked' : 'plan_line.interest_withdrawn',
          entityType: 'plan_line',
          entityId: planLineId,
          summary: { after: { supplierOrganizationId, interested } },
        });
    });
  }

  /** Every reason the line cannot stand, as field errors; nothing is written. */
  private async check(em: EntityManager, input: PlanLineInput): Promise<void> {
    const problems: FieldError[] = [];
    const classes = [...new Set(input.unspscClasses)];
    if (classes.length === 0) problems.push(fieldError('unspscClasses', 'required', 'Choose at least one UNSPSC class'));
    const known = new Set<string>(
      (await em.query(`SELECT code FROM unspsc_codes WHERE level = 'class' AND code = ANY($1)`, [classes])).map(
        (r: { code: string }) => r.code,
      ),
    );
    const unknown = classes.filter((c) => !known.has(c));
    if (unknown.length)
      problems.push(fieldError('unspscClasses', 'unknown_unspsc_class', `No UNSPSC class has code ${unknown.join(', ')}`));
    if (problems.length) throw DomainError.fields(problems);
  }

  private columns(input: PlanLineInput): Pick<PlanLine, keyof PlanLineInput> {
    return {
      year: input.year,
      description: input.description.trim(),
      unspscClasses: [...new Set(input.unspscClasses)],
      estimatedValueCop: input.estimatedValueCop,
      expectedMonth: input.expectedMonth,
      modality: input.modality,
      productiveBet: input.productiveBet ?? null,
    };
  }

  private async view(em: EntityManager, planLineId: string): Promise<PlanLineView> {
    const [view] = await this.views(em, [await em.findOneByOrFail(PlanLine, { id: planLineId })], null);
    return view;
  }

  /** Views of many lines in four queries: class names, buyer names, interest counts and the viewer's marks. */
  private async views(em: EntityManager, lines: PlanLine[], supplierOrganizationId: string | null): Promise<PlanLineView[]> {
    if (lines.length === 0) return [];
    const ids = lines.map((l) => l.id);
    // One after another: inside a transaction they share one connection.
    const classRows: { code: string; name: string }[] = await em.query(`SELECT code, name FROM unspsc_codes WHERE code = ANY($1)`, [
      [...new Set(lines.flatMap((l) => l.unspscClasses))],
    ]);
    const buyerRows: { id: string; name: string }[] = await em.query(`SELECT id, name FROM organizations WHERE id = ANY($1)`, [
      [...new Set(lines.map((l) => l.buyerOrganizationId))],
    ]);
    const countRows: { id: string; count: number }[] = await em.query(
      `SELECT plan_line_id AS id, count(*)::int AS count FROM procurement_plan_interests WHERE plan_line_id = ANY($1::uuid[]) GROUP BY plan_line_id`,
      [ids],
    );
    const markedRows: { id: string }[] = supplierOrganizationId
      ? await em.query(
          `SELECT plan_line_id AS id FROM procurement_plan_interests WHERE plan_line_id = ANY($1::uuid[]) AND organization_id = $2`,
          [ids, supplierOrganizationId],
        )
      : [];
    const classNames = new Map(classRows.map((c) => [c.code, c.name]));
    const buyerNames = new Map(buyerRows.map((b) => [b.id, b.name]));
    const counts = new Map(countRows.map((c) => [c.id, c.count]));
    const marked = new Set(markedRows.map((m) => m.id));
    return lines.map((line) => ({
      ...termsOf(line),
      id: line.id,
      buyer: { organizationId: line.buyerOrganizationId, name: buyerNames.get(line.buyerOrganizationId) ?? '' },
      classes: line.unspscClasses.map((code) => ({ code, name: classNames.get(code) ?? code })),
      published: line.publishedAt !== null,
      publishedAt: line.publishedAt?.toISOString() ?? null,
      interestCount: counts.get(line.id) ?? 0,
      interested: marked.has(line.id),
    }));
  }
}

/** The line locked for the rest of the transaction, so two changes never interleave. */
async function lockLine(em: EntityManager, planLineId: string): Promise<PlanLine> {
  const line = await em.findOne(PlanLine, { where: { id: planLineId }, lock: { mode: 'pessimistic_write' } });
  if (!line) throw planLineNotFound();
  return line;
}
