import type { Locale } from '@eslabon/contracts';

/** What each e-mail needs; links arrive complete (built by the caller from the configured public URL). */
export interface MailTemplateParams {
  verifyEmail: { name: string; link: string };
  resetPassword: { name: string; link: string };
  invitation: { organizationName: string; inviterName: string; link: string };
  organizationApproved: { organizationName: string; link: string };
  tenderQuestionAnswered: { reference: string; tenderTitle: string; question: string; answer: string; link: string };
  tenderAmended: { reference: string; tenderTitle: string; version: number; reason: string; closingExtended: boolean; link: string };
  /** `why` is already worded in the reader's language (notifications/reason-words.ts). */
  tenderMatch: {
    reference: string;
    tenderTitle: string;
    buyerName: string;
    closing: string;
    why: string[];
    link: string;
    unsubscribeLink: string;
  };
  savedSearchMatch: {
    reference: string;
    tenderTitle: string;
    buyerName: string;
    closing: string;
    searchName: string;
    link: string;
    unsubscribeLink: string;
  };
  /** A bid's receipt: kept by e-mail so the supplier can prove later what it sealed and when. */
  bidReceipt: {
    reference: string;
    tenderTitle: string;
    bidId: string;
    version: number;
    withdrawn: boolean;
    submittedAtUtc: string;
    submittedAtBogota: string;
    digest: string;
    link: string;
  };
  /** The evaluation report is out: to everyone who bid, with the last day for observations. */
  evaluationReport: { reference: string; tenderTitle: string; version: number; commentUntil: string; link: string };
  /** The tender is decided: to everyone who bid. */
  tenderDecided: { reference: string; tenderTitle: string; lines: string[]; link: string };
  notificationDigest: { items: { reference: string; tenderTitle: string; why: string }[]; link: string; unsubscribeLink: string };
}

export type MailTemplateName = keyof MailTemplateParams;

/** One template with its parameters; the union keeps a template from receiving another's fields. */
export type MailContent = { [T in MailTemplateName]: { template: T; params: MailTemplateParams[T] } }[MailTemplateName];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The parts every e-mail has; all plain text, escaped only when the HTML is assembled. */
interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; link: string };
  /** Why the reader may safely ignore the message. */
  footnote: string;
  /** One click, no sign-in, for messages the reader did not ask for one by one. */
  unsubscribe?: { label: string; link: string };
}

type Templates = { [T in MailTemplateName]: Record<Locale, (params: MailTemplateParams[T]) => MailParts> };

const TEMPLATES: Templates = {
  verifyEmail: {
    'es-CO': ({ name, link }) => ({
      subject: 'Confirme su correo electrónico en Eslabón',
      greeting: `Hola, ${name}:`,
      paragraphs: ['Para activar su cuenta en Eslabón, confirme que este correo electrónico es suyo.'],
      action: { label: 'Confirmar mi correo', link },
      footnote: 'Si usted no creó una cuenta en Eslabón, ignore este mensaje.',
    }),
    en: ({ name, link }) => ({
      subject: 'Confirm your e-mail address on Eslabón',
      greeting: `Hello ${name},`,
      paragraphs: ['To activate your Eslabón account, confirm that this e-mail address is yours.'],
      action: { label: 'Confirm my e-mail', link },
      footnote: 'If you did not create an Eslabón account, you can ignore this message.',
    }),
  },
  resetPassword: {
    'es-CO': ({ name, link }) => ({
      subject: 'Restablezca su contraseña de Eslabón',
      greeting: `Hola, ${name}:`,
      paragraphs: ['Recibimos una solicitud para restablecer la contraseña de su cuenta. Use el siguiente enlace para elegir una nueva.'],
      action: { label: 'Elegir una contraseña nueva', link },
      footnote: 'Si usted no lo solicitó, ignore este mensaje: su contraseña no cambiará.',
    }),
    en: ({ name, link }) => ({
      subject: 'Reset your Eslabón password',
      greeting: `Hello ${name},`,
      paragraphs: ['We received a request to reset the password of your account. Use the link below to choose a new one.'],
      action: { label: 'Choose a new password', link },
      footnote: 'If you did not ask for this, ignore this message: your password will not change.',
    }),
  },
  invitation: {
    'es-CO': ({ organizationName, inviterName, link }) => ({
      subject: `Invitación para unirse a ${organizationName} en Eslabón`,
      greeting: 'Hola:',
      paragraphs: [
        `${inviterName} le envió una invitación para unirse a ${organizationName} en Eslabón, la plataforma de compras públicas y desarrollo de proveedores.`,
      ],
      action: { label: 'Aceptar la invitación', link },
      footnote: 'Si no esperaba esta invitación, ignore este mensaje.',
    }),
    en: ({ organizationName, inviterName, link }) => ({
      subject: `Invitation to join ${organizationName} on Eslabón`,
      greeting: 'Hello,',
      paragraphs: [
        `${inviterName} invited you to join ${organizationName} on Eslabón, the marketplace for public procurement and supplier development.`,
      ],
      action: { label: 'Accept the invitation', link },
      footnote: 'If you were not expecting this invitation, you can ignore this message.',
    }),
  },
  organizationApproved: {
    'es-CO': ({ organizationName, link }) => ({
      subject: `${organizationName} fue aprobada en Eslabón`,
      greeting: 'Hola:',
      paragraphs: [`La inscripción de ${organizationName} en Eslabón fue aprobada. Ya puede ingresar y empezar a usar la plataforma.`],
      action: { label: 'Ingresar a Eslabón', link },
      footnote: 'Recibe este mensaje porque usted inscribió esta organización en Eslabón.',
    }),
    en: ({ organizationName, link }) => ({
      subject: `${organizationName} was approved on Eslabón`,
      greeting: 'Hello,',
      paragraphs: [
        `The registration of ${organizationName} on Eslabón has been approved. You can now sign in and start using the platform.`,
      ],
      action: { label: 'Sign in to Eslabón', link },
      footnote: 'You receive this message because you registered this organization on Eslabón.',
    }),
  },
  tenderQuestionAnswered: {
    'es-CO': ({ reference, tenderTitle, question, answer, link }) => ({
      subject: `${reference}: nueva respuesta en «${tenderTitle}»`,
      greeting: 'Hola:',
      paragraphs: [`La entidad respondió una pregunta del proceso ${reference}.`, `Pregunta: ${question}`, `Respuesta: ${answer}`],
      action: { label: 'Ver el proceso', link },
      footnote: 'Recibe este mensaje porque su organización sigue este proceso; puede dejar de seguirlo en su página.',
    }),
    en: ({ reference, tenderTitle, question, answer, link }) => ({
      subject: `${reference}: new answer on “${tenderTitle}”`,
      greeting: 'Hello,',
      paragraphs: [`The entity answered a question on tender ${reference}.`, `Question: ${question}`, `Answer: ${answer}`],
      action: { label: 'See the tender', link },
      footnote: 'You receive this message because your organization follows this tender; you can unfollow it on its page.',
    }),
  },
  tenderAmended: {
    'es-CO': ({ reference, tenderTitle, version, reason, closingExtended, link }) => ({
      subject: `${reference}: los términos de «${tenderTitle}» cambiaron`,
      greeting: 'Hola:',
      paragraphs: [
        `Se publicó la versión ${version} de los términos del proceso ${reference}. Motivo: ${reason}`,
        ...(closingExtended ? ['El cierre se movió para dejar el plazo mínimo después de la adenda.'] : []),
      ],
      action: { label: 'Ver qué cambió', link },
      footnote: 'Recibe este mensaje porque su organización sigue este proceso; puede dejar de seguirlo en su página.',
    }),
    en: ({ reference, tenderTitle, version, reason, closingExtended, link }) => ({
      subject: `${reference}: the terms of “${tenderTitle}” changed`,
      greeting: 'Hello,',
      paragraphs: [
        `Version ${version} of the terms of tender ${reference} was published. Reason: ${reason}`,
        ...(closingExtended ? ['The closing moved to leave the minimum time after the adenda.'] : []),
      ],
      action: { label: 'See what changed', link },
      footnote: 'You receive this message because your organization follows this tender; you can unfollow it on its page.',
    }),
  },
  bidReceipt: {
    'es-CO': ({ reference, tenderTitle, bidId, version, withdrawn, submittedAtUtc, submittedAtBogota, digest, link }) => ({
      subject: `${reference}: recibo de ${withdrawn ? 'retiro de la oferta' : 'su oferta'} (versión ${version})`,
      greeting: 'Hola:',
      paragraphs: [
        withdrawn
          ? `Su organización retiró su oferta en el proceso ${reference}, «${tenderTitle}».`
          : `Recibimos la oferta sellada de su organización en el proceso ${reference}, «${tenderTitle}». Nadie puede verla antes del cierre.`,
        `Oferta ${bidId}, versión ${version}. Hora del servidor: ${submittedAtBogota} (Bogotá), ${submittedAtUtc} (UTC).`,
        `Huella SHA-256 del contenido sellado: ${digest}`,
        'Guarde este correo: con el contenido que envió y el valor aleatorio del recibo, cualquiera puede recalcular la huella.',
      ],
      action: { label: 'Ver el recibo', link },
      footnote: 'Recibe este mensaje porque presentó o cambió una oferta en Eslabón.',
    }),
    en: ({ reference, tenderTitle, bidId, version, withdrawn, submittedAtUtc, submittedAtBogota, digest, link }) => ({
      subject: `${reference}: receipt of ${withdrawn ? 'the withdrawal of your bid' : 'your bid'} (version ${version})`,
      greeting: 'Hello,',
      paragraphs: [
        withdrawn
          ? `Your organization withdrew its bid on tender ${reference}, “${tenderTitle}”.`
          : `We received your organization’s sealed bid on tender ${reference}, “${tenderTitle}”. Nobody can see it before closing.`,
        `Bid ${bidId}, version ${version}. Server time: ${submittedAtBogota} (Bogotá), ${submittedAtUtc} (UTC).`,
        `SHA-256 digest of the sealed content: ${digest}`,
        'Keep this e-mail: with the content you sent and the receipt’s random value, anyone can recompute the digest.',
      ],
      action: { label: 'See the receipt', link },
      footnote: 'You receive this message because you submitted or changed a bid on Eslabón.',
    }),
  },
  evaluationReport: {
    'es-CO': ({ reference, tenderTitle, version, commentUntil, link }) => ({
      subject: `${reference}: se publicó el informe de evaluación de «${tenderTitle}»`,
      greeting: 'Hola:',
      paragraphs: [
        `La entidad publicó la versión ${version} del informe de evaluación del proceso ${reference}, en el que su organización presentó oferta.`,
        `Puede presentar observaciones hasta el ${commentUntil} (hora de Colombia); los documentos que no otorgan puntaje pueden subsanarse hasta ese día.`,
      ],
      action: { label: 'Ver el informe', link },
      footnote: 'Recibe este mensaje porque su organización presentó oferta en este proceso.',
    }),
    en: ({ reference, tenderTitle, version, commentUntil, link }) => ({
      subject: `${reference}: the evaluation report of “${tenderTitle}” is out`,
      greeting: 'Hello,',
      paragraphs: [
        `The buyer published version ${version} of the evaluation report of tender ${reference}, on which your organization bid.`,
        `You may send observations until ${commentUntil} (Colombia time); documents that carry no points may be corrected until that day.`,
      ],
      action: { label: 'See the report', link },
      footnote: 'You receive this message because your organization bid on this tender.',
    }),
  },
  tenderDecided: {
    'es-CO': ({ reference, tenderTitle, lines, link }) => ({
      subject: `${reference}: se decidió «${tenderTitle}»`,
      greeting: 'Hola:',
      paragraphs: [`La entidad decidió el proceso ${reference}, en el que su organización presentó oferta:`, ...lines],
      action: { label: 'Ver la decisión', link },
      footnote: 'Recibe este mensaje porque su organización presentó oferta en este proceso.',
    }),
    en: ({ reference, tenderTitle, lines, link }) => ({
      subject: `${reference}: “${tenderTitle}” was decided`,
      greeting: 'Hello,',
      paragraphs: [`The buyer decided tender ${reference}, on which your organization bid:`, ...lines],
      action: { label: 'See the decision', link },
      footnote: 'You receive this message because your organization bid on this tender.',
    }),
  },
  tenderMatch: {
    'es-CO': ({ reference, tenderTitle, buyerName, closing, why, link, unsubscribeLink }) => ({
      subject: `Nuevo proceso para su empresa: ${tenderTitle}`,
      greeting: 'Hola:',
      paragraphs: [
        `${buyerName} publicó el proceso ${reference}, «${tenderTitle}». Cierra el ${closing} (hora de Colombia).`,
        `Por qué se lo enviamos: ${why.join('; ')}.`,
      ],
      action: { label: 'Ver el proceso', link },
      footnote: 'Recibe este mensaje porque el proceso coincide con las capacidades registradas de su organización.',
      unsubscribe: { label: 'No recibir más correos de procesos que coinciden', link: unsubscribeLink },
    }),
    en: ({ reference, tenderTitle, buyerName, closing, why, link, unsubscribeLink }) => ({
      subject: `A new tender for your firm: ${tenderTitle}`,
      greeting: 'Hello,',
      paragraphs: [
        `${buyerName} published tender ${reference}, “${tenderTitle}”. It closes on ${closing} (Colombia time).`,
        `Why you are receiving it: ${why.join('; ')}.`,
      ],
      action: { label: 'See the tender', link },
      footnote: 'You receive this message because the tender matches the capabilities your organization registered.',
      unsubscribe: { label: 'Stop e-mails about matching tenders', link: unsubscribeLink },
    }),
  },
  savedSearchMatch: {
    'es-CO': ({ reference, tenderTitle, buyerName, closing, searchName, link, unsubscribeLink }) => ({
      subject: `Alerta «${searchName}»: ${tenderTitle}`,
      greeting: 'Hola:',
      paragraphs: [
        `Su búsqueda guardada «${searchName}» encontró el proceso ${reference} de ${buyerName}, «${tenderTitle}». Cierra el ${closing} (hora de Colombia).`,
      ],
      action: { label: 'Ver el proceso', link },
      footnote: 'Recibe este mensaje porque guardó esta búsqueda como alerta; puede borrarla en Notificaciones.',
      unsubscribe: { label: 'No recibir más correos de búsquedas guardadas', link: unsubscribeLink },
    }),
    en: ({ reference, tenderTitle, buyerName, closing, searchName, link, unsubscribeLink }) => ({
      subject: `Alert “${searchName}”: ${tenderTitle}`,
      greeting: 'Hello,',
      paragraphs: [
        `Your saved search “${searchName}” found tender ${reference} by ${buyerName}, “${tenderTitle}”. It closes on ${closing} (Colombia time).`,
      ],
      action: { label: 'See the tender', link },
      footnote: 'You receive this message because you saved this search as an alert; you can delete it under Notifications.',
      unsubscribe: { label: 'Stop e-mails about saved searches', link: unsubscribeLink },
    }),
  },
  notificationDigest: {
    'es-CO': ({ items, link, unsubscribeLink }) => ({
      subject: `Resumen diario de Eslabón: ${items.length} ${items.length === 1 ? 'proceso' : 'procesos'} para usted`,
      greeting: 'Hola:',
      paragraphs: items.map((i) => `${i.reference} · ${i.tenderTitle} — ${i.why}`),
      action: { label: 'Ver sus notificaciones', link },
      footnote: 'Recibe este resumen porque eligió recibir un correo diario en lugar de uno por proceso.',
      unsubscribe: { label: 'No recibir más resúmenes', link: unsubscribeLink },
    }),
    en: ({ items, link, unsubscribeLink }) => ({
      subject: `Your Eslabón daily summary: ${items.length} ${items.length === 1 ? 'tender' : 'tenders'} for you`,
      greeting: 'Hello,',
      paragraphs: items.map((i) => `${i.reference} · ${i.tenderTitle} — ${i.why}`),
      action: { label: 'See your notifications', link },
      footnote: 'You receive this summary because you chose one daily e-mail instead of one per tender.',
      unsubscribe: { label: 'Stop the summaries', link: unsubscribeLink },
    }),
  },
};

const SIGNATURE: Record<Locale, string> = { 'es-CO': 'Equipo Eslabón', en: 'The Eslabón team' };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A link that is not plain http(s) (javascript:, data:…) must never reach an inbox. */
function assertWebLink(link: string): void {
  let protocol: string;
  try {
    protocol = new URL(link).protocol;
  } catch {
    throw new Error(`Mail link is not a URL: "${link}"`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`Mail link must be http(s), got "${protocol}"`);
}

function toText(parts: MailParts, locale: Locale): string {
  const { greeting, paragraphs, action, footnote, unsubscribe } = parts;
  const lines = [greeting, ...paragraphs, `${action.label}: ${action.link}`, footnote, `— ${SIGNATURE[locale]}`];
  return [...lines, ...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.link}`] : [])].join('\n\n') + '\n';
}

function toHtml(parts: MailParts, locale: Locale): string {
  const { subject, greeting, paragraphs, action, footnote } = parts;
  const link = escapeHtml(action.link);
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.5;">',
    p(greeting),
    ...paragraphs.map(p),
    `<p><a href="${link}" style="font-weight: bold; color: #1b5e20;">${escapeHtml(action.label)}</a></p>`,
    // Some clients hide or break buttons; the address itself can always be copied.
    `<p style="font-size: 12px; word-break: break-all;">${link}</p>`,
    `<p style="font-size: 12px; color: #52606d;">${escapeHtml(footnote)}</p>`,
    p(`— ${SIGNATURE[locale]}`),
    ...(parts.unsubscribe
      ? [
          `<p style="font-size: 12px;"><a href="${escapeHtml(parts.unsubscribe.link)}" style="color: #52606d;">${escapeHtml(parts.unsubscribe.label)}</a></p>`,
        ]
      : []),
    '</body>',
    '</html>',
  ].join('\n');
}

export function renderMail(content: MailContent, locale: Locale): RenderedMail {
  // The union is correlated by `template`; TypeScript cannot see that through the lookup.
  const build = TEMPLATES[content.template][locale] as (params: MailContent['params']) => MailParts;
  const parts = build(content.params);
  assertWebLink(parts.action.link);
  if (parts.unsubscribe) assertWebLink(parts.unsubscribe.link);
  return { subject: parts.subject, text: toText(parts, locale), html: toHtml(parts, locale) };
}
