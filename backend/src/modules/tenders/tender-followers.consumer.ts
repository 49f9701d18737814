import { Injectable } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { MailService } from '../../core/mail/mail.service';
import { DeliveredEvent, DomainEventType, DomainEvents } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';

/** The public tender page the e-mails link to (frontend/src/app/app.routes.ts). */
export const TENDER_PAGE = '/procesos';

interface Follower {
  email: string;
  locale: 'es-CO' | 'en';
}

/**
 * Tells the members of every organization following a tender that a question was answered or its
 * terms changed. Answers reach everyone who follows, the asker included, and never say who asked.
 */
@Injectable()
export class TenderFollowersConsumer implements EventConsumer {
  readonly name = 'tenders.followers';
  readonly handles: readonly DomainEventType[] = ['tender.question_answered', 'tender.amended'];

  constructor(
    private readonly mail: MailService,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    const { tenderId } = event.payload as { tenderId: string };
    const [tender] = await em.query(`SELECT reference, title FROM tenders WHERE id = $1`, [tenderId]);
    if (!tender) return;
    const followers: Follower[] = await em.query(
      `SELECT DISTINCT u.email, u.locale FROM tender_followers f
         JOIN organizations o ON o.id = f.organization_id AND o.status = 'active'
         JOIN memberships m ON m.organization_id = f.organization_id JOIN users u ON u.id = m.user_id
        WHERE f.tender_id = $1 AND u.email_verified_at IS NOT NULL ORDER BY u.email`,
      [tenderId],
    );
    const link = new URL(`${TENDER_PAGE}/${tenderId}`, this.config.publicUrl).toString();
    const common = { reference: tender.reference as string, tenderTitle: tender.title as string, link };
    if (event.type === 'tender.question_answered') {
      const { questionId } = event.payload as DomainEvents['tender.question_answered'];
      const [q] = await em.query(`SELECT text, answer FROM tender_questions WHERE id = $1`, [questionId]);
      if (!q?.answer) return;
      for (const f of followers)
        await this.mail.send({
          to: f.email,
          locale: f.locale,
          template: 'tenderQuestionAnswered',
          params: { ...common, question: q.text, answer: q.answer },
        });
      return;
    }
    const { version, closingExtended } = event.payload as DomainEvents['tender.amended'];
    const [v] = await em.query(`SELECT reason FROM tender_versions WHERE tender_id = $1 AND number = $2`, [tenderId, version]);
    for (const f of followers)
      await this.mail.send({
        to: f.email,
        locale: f.locale,
        template: 'tenderAmended',
        params: { ...common, version, reason: v?.reason ?? '', closingExtended },
      });
  }
}
