import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ObservationView } from '@eslabon/contracts';
import { endOfBogotaDay } from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { Tender } from '../tenders/tender.entities';
import { tenderNotFound } from '../tenders/tenders.service';
import { assertOnCommittee, notFound } from './committee';
import { EvaluationObservation, EvaluationReportRecord } from './evaluation.entities';

/** Bidders' observations on the evaluation report during its comment period, and the committee's answers. */
@Injectable()
export class EvaluationObservationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(tenderId: string): Promise<ObservationView[]> {
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
      await this.lockedUnderEvaluation(em, tenderId);
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
    return (await this.list(tenderId)).find((o) => o.id === id) as ObservationView;
  }

  /** Observations and answers wait for an award in progress, and end with it. */
  private async lockedUnderEvaluation(em: EntityManager, tenderId: string): Promise<void> {
    const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_read' } });
    if (!tender) throw tenderNotFound();
    if (tender.status !== 'under_evaluation') throw new DomainError('conflict', 'not_under_evaluation', 'The evaluation is over');
  }

  async answer(tenderId: string, observationId: string, answer: string, actor: Actor): Promise<ObservationView> {
    await this.db.transaction(async (em) => {
      await this.lockedUnderEvaluation(em, tenderId);
      await assertOnCommittee(em, tenderId, actor);
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
    return (await this.list(tenderId)).find((o) => o.id === observationId) as ObservationView;
  }
}
