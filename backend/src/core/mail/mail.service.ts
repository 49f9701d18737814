import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import type { Locale } from '@eslabon/contracts';
import { Transporter, createTransport } from 'nodemailer';
import { InjectConfig } from '../config/config.module';
import { MailContent, renderMail } from './mail-templates';

/** An e-mail to one recipient, in the language the recipient uses. */
export type MailMessage = MailContent & { to: string; locale: Locale };

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
    const { subject, text, html, unsubscribe } = renderMail(message, message.locale);
    await this.transport.sendMail({ to: message.to, subject, text, html, ...(unsubscribe ? { list: { unsubscribe } } : {}) });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
