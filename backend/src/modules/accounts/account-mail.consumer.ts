import { Injectable } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { MailService } from '../../core/mail/mail.service';
import { DeliveredEvent, DomainEventType, DomainEvents } from '../../core/outbox/domain-events';
import { EventConsumer } from '../../core/outbox/event-consumer';
import { issueToken } from './one-time-tokens';

/** Web-app pages the e-mailed links open (see frontend/src/app/app.routes.ts). */
export const ACCOUNT_LINKS = {
  verifyEmail: '/verificar-correo',
  resetPassword: '/restablecer-clave',
  invitation: '/invitacion',
  login: '/ingresar',
} as const;

/**
 * Sends the account e-mails. The one-time token is created here, in the delivery transaction,
 * so the e-mail carries the only clear copy; if the transaction fails after sending, the link in
 * that e-mail is dead and the retry sends a working one.
 */
@Injectable()
export class AccountMailConsumer implements EventConsumer {
  readonly name = 'accounts.mail';
  readonly handles: readonly DomainEventType[] = [
    'user.registered',
    'password_reset.requested',
    'invitation.created',
    'organization.approved',
  ];

  constructor(
    private readonly mail: MailService,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  private link(path: string, token?: string): string {
    const url = new URL(path, this.config.publicUrl);
    if (token) url.searchParams.set('token', token);
    return url.toString();
  }

  async handle(em: EntityManager, event: DeliveredEvent): Promise<void> {
    switch (event.type) {
      case 'user.registered':
        return this.verifyEmail(em, event.payload as DomainEvents['user.registered']);
      case 'password_reset.requested':
        return this.resetPassword(em, event.payload as DomainEvents['password_reset.requested']);
      case 'invitation.created':
        return this.invitation(em, event.payload as DomainEvents['invitation.created']);
      case 'organization.approved':
        return this.approved(em, event.payload as DomainEvents['organization.approved']);
    }
  }

  private async verifyEmail(em: EntityManager, { userId }: DomainEvents['user.registered']): Promise<void> {
    const [user] = await em.query(`SELECT email, name, locale, email_verified_at FROM users WHERE id = $1`, [userId]);
    if (!user || user.email_verified_at) return;
    const token = await issueToken(em, 'verify_email', userId);
    await this.mail.send({
      to: user.email,
      locale: user.locale,
      template: 'verifyEmail',
      params: { name: user.name, link: this.link(ACCOUNT_LINKS.verifyEmail, token) },
    });
  }

  private async resetPassword(em: EntityManager, { userId }: DomainEvents['password_reset.requested']): Promise<void> {
    const [user] = await em.query(`SELECT email, name, locale FROM users WHERE id = $1`, [userId]);
    if (!user) return;
    const token = await issueToken(em, 'reset_password', userId);
    await this.mail.send({
      to: user.email,
      locale: user.locale,
      template: 'resetPassword',
      params: { name: user.name, link: this.link(ACCOUNT_LINKS.resetPassword, token) },
    });
  }

  private async invitation(em: EntityManager, { invitationId }: DomainEvents['invitation.created']): Promise<void> {
    const [row] = await em.query(
      `SELECT i.email, o.name AS organization, u.name AS inviter, u.locale
         FROM invitations i JOIN organizations o ON o.id = i.organization_id JOIN users u ON u.id = i.invited_by
        WHERE i.id = $1 AND i.accepted_at IS NULL`,
      [invitationId],
    );
    if (!row) return;
    const token = await issueToken(em, 'invitation', invitationId);
    await this.mail.send({
      to: row.email,
      // The invitee has no language of their own yet: the inviter's is the best guess.
      locale: row.locale,
      template: 'invitation',
      params: { organizationName: row.organization, inviterName: row.inviter, link: this.link(ACCOUNT_LINKS.invitation, token) },
    });
  }

  private async approved(em: EntityManager, { organizationId }: DomainEvents['organization.approved']): Promise<void> {
    const admins = await em.query(
      `SELECT u.email, u.locale, o.name AS organization
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
        WHERE m.organization_id = $1 AND m.role = 'buyer_admin'`,
      [organizationId],
    );
    for (const admin of admins) {
      await this.mail.send({
        to: admin.email,
        locale: admin.locale,
        template: 'organizationApproved',
        params: { organizationName: admin.organization, link: this.link(ACCOUNT_LINKS.login) },
      });
    }
  }
}
