import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import type { Locale } from '@eslabon/contracts';
import { Transporter, createTransport } from 'nodemailer';
import { InjectConfig } from '../config/config.module';
import { MailContent, renderMail } from './mail-templates';

/**
 * An e-mail to one recipient, in the language the recipient uses. `listUnsubscribe` is the RFC 8058
 * one-click address mail clients POST to for their own unsubscribe button.
 */
export type MailMessage = MailContent & { to: string; locale: Locale; listUnsubscribe?: string };

/**
 * Sends e-mail through the SMTP server of SMTP_URL. Failures reject, so the job that sends
 * retries with the queue's back-off instead of losing the message.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@InjectConfig() config: ServerConfig) {
    this.transport = createTransport(
      {
        url: config.smtpUrl,
        // Far below nodemailer's minutes-long defaults: an unreachable server fails the job fast.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from: config.mailFrom },
    );
  }

  async send(message: MailMessage): Promise<void> {
    const { subject, text, html } = renderMail(message, message.locale);
    const oneClick = message.listUnsubscribe
      ? { list: { unsubscribe: { url: message.listUnsubscribe } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
      : {};
    await this.transport.sendMail({ to: message.to, subject, text, html, ...oneClick });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
