import { Test, TestingModule } from '@nestjs/testing';
import { ServerConfig, parseServerConfig } from '@eslabon/config';
import { randomBytes } from 'node:crypto';
import { TEST_ENV, clearMails, requireTestEnv, waitForMail } from '../../testing';
import { ConfigModule } from '../config/config.module';
import { MailModule } from './mail.module';
import { MailMessage, MailService } from './mail.service';

/** Sends every template through real SMTP to the local catcher and reads each one back. */
describe('MailService', () => {
  // Mail needs neither database nor Redis; their URLs only have to be valid.
  const config: ServerConfig = parseServerConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: requireTestEnv(TEST_ENV.adminUrl),
    REDIS_URL: requireTestEnv(TEST_ENV.redisUrl),
    SMTP_URL: requireTestEnv('SMTP_URL'),
    PUBLIC_URL: 'https://eslabon.example',
    BID_MASTER_KEY: randomBytes(32).toString('base64'),
  });
  const run = randomBytes(4).toString('hex');
  const addressOf = (who: string) => `${who}-${run}@eslabon.test`;
  let moduleRef: TestingModule;
  let mail: MailService;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), MailModule] }).compile();
    await moduleRef.init();
    mail = moduleRef.get(MailService);
  });
  afterAll(async () => {
    await moduleRef.close();
    for (const who of ['ana', 'luis', 'eva', 'marta']) await clearMails(addressOf(who));
  });

  it.each<{ message: MailMessage; subject: RegExp; inHtml: string }>([
    {
      message: {
        to: addressOf('ana'),
        locale: 'es-CO',
        template: 'verifyEmail',
        params: { name: 'Ana Gómez', link: `${config.publicUrl}/verificar?token=${run}-v` },
      },
      subject: /^Confirme su correo electrónico en Eslabón$/,
      inHtml: 'Hola, Ana Gómez:',
    },
    {
      message: {
        to: addressOf('luis'),
        locale: 'es-CO',
        template: 'resetPassword',
        params: { name: 'Luis', link: `${config.publicUrl}/restablecer?token=${run}-r` },
      },
      subject: /^Restablezca su contraseña de Eslabón$/,
      inHtml: 'Elegir una contraseña nueva',
    },
    {
      message: {
        to: addressOf('eva'),
        locale: 'es-CO',
        template: 'invitation',
        params: {
          organizationName: 'Tejidos & Cía <Sur>',
          inviterName: 'Marta Ruiz',
          link: `${config.publicUrl}/invitacion?token=${run}-i`,
        },
      },
      subject: /^Invitación para unirse a Tejidos & Cía <Sur> en Eslabón$/,
      // Markup in a name arrives as text, never as HTML.
      inHtml: 'Tejidos &amp; Cía &lt;Sur&gt;',
    },
    {
      message: {
        to: addressOf('marta'),
        locale: 'es-CO',
        template: 'organizationApproved',
        params: { organizationName: 'Cooperativa El Telar', link: `${config.publicUrl}/ingresar` },
      },
      subject: /^Cooperativa El Telar fue aprobada en Eslabón$/,
      inHtml: 'Ingresar a Eslabón',
    },
  ])('delivers $message.template', async ({ message, subject, inHtml }) => {
    await mail.send(message);

    const caught = await waitForMail(message.to, subject);
    expect(caught.to.map((to) => to.address)).toEqual([message.to]);
    expect(caught.from).toEqual([{ address: 'no-reply@eslabon.local', name: 'Eslabón' }]);
    expect(caught.text).toContain(message.params.link);
    expect(caught.html).toContain(inHtml);
  });
});
