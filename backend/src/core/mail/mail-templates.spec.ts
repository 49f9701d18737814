import type { Locale } from '@eslabon/contracts';
import { MailContent, escapeHtml, renderMail } from './mail-templates';

const link = 'https://eslabon.example/cuenta/verificar?token=abc&lang=es';

describe('renderMail', () => {
  it.each<{ content: MailContent; locale: Locale; subject: string; phrases: string[] }>([
    {
      content: { template: 'verifyEmail', params: { name: 'Ana', link } },
      locale: 'es-CO',
      subject: 'Confirme su correo electrónico en Eslabón',
      phrases: ['Hola, Ana:', 'Confirmar mi correo', 'Equipo Eslabón'],
    },
    {
      content: { template: 'verifyEmail', params: { name: 'Ana', link } },
      locale: 'en',
      subject: 'Confirm your e-mail address on Eslabón',
      phrases: ['Hello Ana,', 'Confirm my e-mail', 'The Eslabón team'],
    },
    {
      content: { template: 'resetPassword', params: { name: 'Luis', link } },
      locale: 'es-CO',
      subject: 'Restablezca su contraseña de Eslabón',
      phrases: ['Hola, Luis:', 'Elegir una contraseña nueva', 'su contraseña no cambiará'],
    },
    {
      content: { template: 'resetPassword', params: { name: 'Luis', link } },
      locale: 'en',
      subject: 'Reset your Eslabón password',
      phrases: ['Hello Luis,', 'Choose a new password', 'your password will not change'],
    },
    {
      content: { template: 'invitation', params: { organizationName: 'Cooperativa El Telar', inviterName: 'Marta Ruiz', link } },
      locale: 'es-CO',
      subject: 'Invitación para unirse a Cooperativa El Telar en Eslabón',
      phrases: ['Marta Ruiz le envió una invitación para unirse a Cooperativa El Telar', 'Aceptar la invitación'],
    },
    {
      content: { template: 'invitation', params: { organizationName: 'Cooperativa El Telar', inviterName: 'Marta Ruiz', link } },
      locale: 'en',
      subject: 'Invitation to join Cooperativa El Telar on Eslabón',
      phrases: ['Marta Ruiz invited you to join Cooperativa El Telar', 'Accept the invitation'],
    },
    {
      content: { template: 'organizationApproved', params: { organizationName: 'Confecciones Andinas SAS', link } },
      locale: 'es-CO',
      subject: 'Confecciones Andinas SAS fue aprobada en Eslabón',
      phrases: ['La inscripción de Confecciones Andinas SAS en Eslabón fue aprobada', 'Ingresar a Eslabón'],
    },
    {
      content: { template: 'organizationApproved', params: { organizationName: 'Confecciones Andinas SAS', link } },
      locale: 'en',
      subject: 'Confecciones Andinas SAS was approved on Eslabón',
      phrases: ['The registration of Confecciones Andinas SAS on Eslabón has been approved', 'Sign in to Eslabón'],
    },
    {
      content: {
        template: 'tenderQuestionAnswered',
        params: { reference: 'ESL-2026-000007', tenderTitle: 'Dotación', question: '¿Incluye transporte?', answer: 'Sí.', link },
      },
      locale: 'es-CO',
      subject: 'ESL-2026-000007: nueva respuesta en «Dotación»',
      phrases: ['Pregunta: ¿Incluye transporte?', 'Respuesta: Sí.', 'Ver el proceso', 'sigue este proceso'],
    },
    {
      content: {
        template: 'tenderAmended',
        params: {
          reference: 'ESL-2026-000007',
          tenderTitle: 'Dotación',
          version: 3,
          reason: 'Más cantidades',
          closingExtended: true,
          link,
        },
      },
      locale: 'en',
      subject: 'ESL-2026-000007: the terms of “Dotación” changed',
      phrases: ['Version 3 of the terms', 'Reason: Más cantidades', 'The closing moved', 'See what changed'],
    },
    {
      content: {
        template: 'tenderMatch',
        params: {
          reference: 'ESL-2026-000009',
          tenderTitle: 'Computadores',
          buyerName: 'Alcaldía de Medellín',
          closing: '20 de enero de 2027, 5:00 p. m.',
          why: ['la clase 432115 coincide (lote 1)', 'opera en ANTIOQUIA'],
          link,
          unsubscribeLink: 'https://eslabon.example/baja?token=abc',
        },
      },
      locale: 'es-CO',
      subject: 'Nuevo proceso para su empresa: Computadores',
      phrases: [
        'Alcaldía de Medellín publicó el proceso ESL-2026-000009',
        'la clase 432115 coincide (lote 1); opera en ANTIOQUIA',
        '/baja?token=abc',
      ],
    },
    {
      content: {
        template: 'savedSearchMatch',
        params: {
          reference: 'ESL-2026-000009',
          tenderTitle: 'Computadores',
          buyerName: 'Alcaldía de Medellín',
          closing: 'January 20, 2027',
          searchName: 'Equipos',
          link,
          unsubscribeLink: 'https://eslabon.example/baja?token=abc',
        },
      },
      locale: 'en',
      subject: 'Alert “Equipos”: Computadores',
      phrases: ['Your saved search “Equipos” found tender ESL-2026-000009', 'Stop e-mails about saved searches'],
    },
    {
      content: {
        template: 'notificationDigest',
        params: {
          items: [{ reference: 'ESL-2026-000009', tenderTitle: 'Computadores', why: 'opera en ANTIOQUIA' }],
          link,
          unsubscribeLink: 'https://eslabon.example/baja?token=abc',
        },
      },
      locale: 'es-CO',
      subject: 'Resumen diario de Eslabón: 1 proceso para usted',
      phrases: ['ESL-2026-000009 · Computadores — opera en ANTIOQUIA', 'No recibir más resúmenes'],
    },
  ])('$content.template in $locale', ({ content, locale, subject, phrases }) => {
    const mail = renderMail(content, locale);
    expect(mail.subject).toBe(subject);
    for (const phrase of phrases) {
      expect(mail.text).toContain(phrase);
      expect(mail.html).toContain(escapeHtml(phrase));
    }
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
  });

  it.each<[string, MailContent, string]>([
    [
      'a script in a name',
      { template: 'verifyEmail', params: { name: '<script>alert(1)</script>', link } },
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ],
    ['quotes in a name', { template: 'resetPassword', params: { name: 'O\'Brien "Jr"', link } }, 'O&#39;Brien &quot;Jr&quot;'],
    [
      'markup in an inviter and an ampersand in an organization',
      { template: 'invitation', params: { organizationName: 'Tejidos & Cía', inviterName: '<b>Eva</b>', link } },
      '&lt;b&gt;Eva&lt;/b&gt; le envió una invitación para unirse a Tejidos &amp; Cía',
    ],
    [
      'an image tag in an organization',
      { template: 'organizationApproved', params: { organizationName: 'A&B <img src=x onerror=alert(1)>', link } },
      'A&amp;B &lt;img src=x onerror=alert(1)&gt;',
    ],
    [
      'an attribute break-out in a link',
      { template: 'verifyEmail', params: { name: 'Ana', link: 'https://eslabon.example/v?t=1"><script>x</script>' } },
      'href="https://eslabon.example/v?t=1&quot;&gt;&lt;script&gt;x&lt;/script&gt;"',
    ],
  ])('escapes %s in the HTML', (_name, content, escaped) => {
    const mail = renderMail(content, 'es-CO');
    expect(mail.html).toContain(escaped);
    expect(mail.html).not.toMatch(/<(script|img|b)\b/);
  });

  it('keeps the plain text unescaped', () => {
    const mail = renderMail({ template: 'invitation', params: { organizationName: 'Tejidos & Cía', inviterName: 'Eva', link } }, 'es-CO');
    expect(mail.subject).toBe('Invitación para unirse a Tejidos & Cía en Eslabón');
    expect(mail.text).toContain('Tejidos & Cía');
  });

  it('refuses an unsubscribe link that is not a web address', () => {
    const params = { items: [], link, unsubscribeLink: 'https://eslabon.example/baja?token=abc' };
    expect(() => renderMail({ template: 'notificationDigest', params: { ...params, unsubscribeLink: 'javascript:x' } }, 'en')).toThrow(
      /Mail link/,
    );
  });

  it.each(['javascript:alert(1)', 'data:text/html,hola', '/relative/path', 'not a url'])('refuses the link %s', (bad) => {
    expect(() => renderMail({ template: 'verifyEmail', params: { name: 'Ana', link: bad } }, 'es-CO')).toThrow(/Mail link/);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<p>', '&lt;p&gt;'],
    [`"'`, '&quot;&#39;'],
    ['ñandú', 'ñandú'],
  ])('%s → %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
