import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing e-mail; needs the ConfigModule (SMTP_URL, MAIL_FROM). */
@Global()
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
