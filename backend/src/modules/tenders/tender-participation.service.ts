import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LIMITATION_DOCUMENTS,
  type MipymeRequestView,
  type QuestionInput,
  type QuestionView,
  type TenderVersionView,
} from '@eslabon/contracts';
import { endOfBogotaDay, requestRefusals } from '@eslabon/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { bogotaToday } from '../../core/time/bogota';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { Tender, TenderFollower, TenderMipymeRequest, TenderQuestion, TenderVersion } from './tender.entities';
import { limitationView } from './tender-views';
import { lockTender, tenderNotFound } from './tenders.service';

/** Where suppliers take part before bidding: questions, requests to limit the call, following. */
const PUBLISHED = ['published_draft', 'open'];

function questionView(q: TenderQuestion, viewerOrganizationId: string | null): QuestionView {
  // Never the asker: other suppliers must not learn who is preparing an offer (issue 5).
  return {
    id: q.id,
    lotId: q.lotId,
    text: q.text,
    askedAt: q.askedAt.toISOString(),
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    mine: viewerOrganizationId !== null && q.askerOrganizationId === viewerOrganizationId,
  };
}

@Injectable()
export class TenderParticipationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly rules: RuleParametersService,
  ) {}

  private async published(tenderId: string): Promise<Tender> {
    const tender = await this.db.manager.findOneBy(Tender, { id: tenderId });
    if (!tender || tender.status === 'draft') throw tenderNotFound();
    return tender;
  }

  async questions(tenderId: string, viewerOrganizationId: string | null): Promise<QuestionView[]> {
    await this.published(tenderId);
    const rows = await this.db.getRepository(TenderQuestion).find({ where: { tenderId }, order: { askedAt: 'ASC', id: 'ASC' } });
    return rows.map((q) => questionView(q, viewerOrganizationId));
  }

  /** Until the end of the questions deadline's day (or the closing, if the schedule has no such step). */
  async ask(tenderId: string, input: QuestionInput, actor: Actor, now = new Date()): Promise<QuestionView> {
    return this.db.transaction(async (em) => {
      const tender = await em.findOneBy(Tender, { id: tenderId });
      if (!tender || tender.status === 'draft') throw tenderNotFound();
      const deadline = tender.schedule.questionsDeadline ? endOfBogotaDay(tender.schedule.questionsDeadline) : tender.closingAt;
      if (!PUBLISHED.includes(tender.status) || now > deadline || now >= tender.closingAt)
        throw new DomainError('conflict', 'questions_closed', 'The time for questions is over');
      if (input.lotId) {
        const [lot] = await em.query(`SELECT 1 FROM tender_lots WHERE id = $1 AND tender_id = $2`, [input.lotId, tenderId]);
        if (!lot) throw DomainError.field('invalid', 'unknown_lot', 'lotId', 'This tender has no such lot');
      }
      const row = await em.getRepository(TenderQuestion).save({
        tenderId,
        lotId: input.lotId ?? null,
        askerOrganizationId: actor.organizationId as string,
        askerUserId: actor.userId as string,
        text: input.text.trim(),
        askedAt: now,
      });
      await this.audit.record(em, actor, {
        action: 'tender_question.asked',
        entityType: 'tender',
        entityId: tenderId,
        summary: { after: { questionId: row.id, lotId: row.lotId } },
      });
      return questionView(row, actor.organizationId);
    });
  }

  async answer(tenderId: string, questionId: string, answer: string, actor: Actor): Promise<QuestionView> {
    return this.db.transaction(async (em) => {
      await lockTender(em, tenderId);
      const row = await em.findOne(TenderQuestion, { where: { id: questionId, tenderId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new DomainError('not_found', 'question_not_found', 'No such question');
      const before = row.answer;
      Object.assign(row, { answer: answer.trim(), answeredAt: new Date(), answeredBy: actor.userId });
      await em.getRepository(TenderQuestion).save(row);
      await this.audit.record(em, actor, {
        action: 'tender_question.answered',
        entityType: 'tender',
        entityId: tenderId,
        summary: { before: { answer: before }, after: { questionId, answer: row.answer } },
      });
      await this.outbox.publish(em, 'tender.question_answered', { tenderId, questionId });
      return questionView(row, null);
    });
  }

  async versions(tenderId: string): Promise<TenderVersionView[]> {
    await this.published(tenderId);
    const rows = await this.db.getRepository(TenderVersion).find({ where: { tenderId }, order: { number: 'ASC' } });
    return rows.map((v) => ({
      number: v.number,
      kind: v.kind,
      reason: v.reason,
      changes: v.changes,
      closingExtended: v.closingExtended,
      createdAt: v.createdAt.toISOString(),
      snapshot: v.snapshot,
    }));
  }

  async follow(tenderId: string, organizationId: string, following: boolean): Promise<void> {
    await this.published(tenderId);
    const repo = this.db.getRepository(TenderFollower);
    if (following) await repo.upsert({ tenderId, organizationId }, ['tenderId', 'organizationId']);
    else await repo.delete({ tenderId, organizationId });
  }

  /**
   * A supplier asks for the call to be limited to mipymes (Decreto 1860 de 2021). The facts the rule
   * judges — domicile, size, age, documents — are copied from its profile now, so the decision at the
   * deadline reads what was true when it asked.
   */
  async requestLimitation(tenderId: string, documentIds: string[], actor: Actor, now = new Date()): Promise<MipymeRequestView> {
    const supplierId = actor.organizationId as string;
    return this.db.transaction(async (em) => {
      const tender = await lockTender(em, tenderId);
      if (tender.status === 'draft') throw tenderNotFound();
      const threshold = await this.rules.mipymeCallThreshold(tender.schedule.opening, em);
      const limitation = limitationView(tender, { threshold, requestCount: 0 }, bogotaToday(now));
      if (!limitation.requestsOpen)
        throw new DomainError('conflict', 'requests_closed', 'This call does not take requests to limit it to mipymes now');
      const [profile] = await em.query(
        `SELECT p.domicile_municipality, p.constituted_on::text AS constituted_on, p.size_class, p.supplier_type, p.size_classification_id,
                coalesce(c.mipyme, p.supplier_type = 'cooperative') AS mipyme
           FROM supplier_profiles p LEFT JOIN supplier_size_classifications c ON c.id = p.size_classification_id
          WHERE p.organization_id = $1`,
        [supplierId],
      );
      if (!profile) throw new DomainError('conflict', 'profile_incomplete', 'Complete the supplier profile before making a request');
      const documents: { id: string; type: string }[] = await em.query(
        `SELECT id, type FROM supplier_documents WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
        [supplierId, documentIds],
      );
      if (documents.length !== new Set(documentIds).size)
        throw DomainError.field('invalid', 'unknown_document', 'documentIds', 'Choose documents of your own profile');
      const types = new Set(documents.map((d) => d.type));
      const saved = await em
        .getRepository(TenderMipymeRequest)
        .createQueryBuilder()
        .insert()
        .values({
          tenderId,
          supplierOrganizationId: supplierId,
          requestedAt: now,
          receivedOn: bogotaToday(now),
          // Every DIVIPOLA municipality is Colombian: a domicile there is a Colombian domicile.
          colombian: profile.domicile_municipality !== null,
          mipyme: profile.mipyme === true,
          sizeClass: profile.size_class,
          sizeClassificationId: profile.size_classification_id,
          constitutedOn: profile.constituted_on,
          documentIds: documents.map((d) => d.id),
          documentsComplete: LIMITATION_DOCUMENTS.every((t) => types.has(t)),
          requestedBy: actor.userId as string,
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id: string | undefined = saved.raw[0]?.id;
      if (!id) throw new DomainError('conflict', 'already_requested', 'Your organization already made this request');
      await this.audit.record(em, actor, {
        action: 'tender.mipyme_requested',
        entityType: 'tender',
        entityId: tenderId,
        summary: { after: { requestId: id, supplierOrganizationId: supplierId, documentTypes: [...types] } },
      });
      const [view] = await this.requestViews(tenderId, em, id);
      return view;
    });
  }

  /** The buyer's list of requests, each judged by the rule as it would be judged now. */
  async requestViews(tenderId: string, em = this.db.manager, onlyId?: string): Promise<MipymeRequestView[]> {
    const tender = await em.findOneBy(Tender, { id: tenderId });
    if (!tender) throw tenderNotFound();
    const rows = await em.getRepository(TenderMipymeRequest).find({
      where: onlyId ? { tenderId, id: onlyId } : { tenderId },
      order: { requestedAt: 'ASC' },
    });
    const names: { id: string; name: string; nit: string | null }[] = await em.query(
      `SELECT o.id, o.name, p.nit FROM organizations o LEFT JOIN supplier_profiles p ON p.organization_id = o.id WHERE o.id = ANY($1)`,
      [rows.map((r) => r.supplierOrganizationId)],
    );
    const supplier = new Map(names.map((n) => [n.id, n]));
    return rows.map((r) => ({
      id: r.id,
      supplier: {
        organizationId: r.supplierOrganizationId,
        name: supplier.get(r.supplierOrganizationId)?.name ?? '',
        nit: supplier.get(r.supplierOrganizationId)?.nit ?? null,
      },
      requestedAt: r.requestedAt.toISOString(),
      colombian: r.colombian,
      mipyme: r.mipyme,
      sizeClass: r.sizeClass as MipymeRequestView['sizeClass'],
      constitutedOn: r.constitutedOn,
      documentIds: r.documentIds,
      documentsComplete: r.documentsComplete,
      refusals: requestRefusals(r, tender.schedule.mipymeRequestDeadline ?? ''),
    }));
  }
}
