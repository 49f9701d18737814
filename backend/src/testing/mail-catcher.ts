import { eventually } from './test-app';

/**
 * Reads what the app sent from the local mail catcher (MailDev) that `npm test` starts when SMTP_URL
 * is unset; MAIL_CATCHER_URL is its web inbox, with MailDev's REST API under /api. All test files
 * share one catcher, so each should send to addresses of its own.
 */
export interface CaughtMail {
  id: string;
  subject: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  text?: string;
  html?: string;
}

function catcherUrl(): string {
  const url = process.env['MAIL_CATCHER_URL'];
  if (!url) {
    throw new Error(
      'MAIL_CATCHER_URL is not set. Tests that read e-mail run through "npm run test:jest" without SMTP_URL, which starts the local mail catcher.',
    );
  }
  return url;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${catcherUrl()}/api${path}`, init);
  if (!res.ok) throw new Error(`Mail catcher answered ${res.status} to ${init?.method ?? 'GET'} ${path}`);
  return (await res.json()) as T;
}

/** Every message caught for this exact address, oldest first. */
export function mailsTo(address: string): Promise<CaughtMail[]> {
  return call<CaughtMail[]>(`/email?${new URLSearchParams({ 'to.address': address })}`);
}

/** The first message to `address` whose subject matches, waiting for it to arrive. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 10_000): Promise<CaughtMail> {
  try {
    return await eventually(async () => (await mailsTo(address)).find((mail) => subject.test(mail.subject)), timeoutMs);
  } catch (e) {
    const subjects = (await mailsTo(address)).map((mail) => mail.subject);
    throw new Error(`No mail to ${address} with a subject matching ${subject} (received: ${JSON.stringify(subjects)})`, { cause: e });
  }
}

/** Deletes the messages to `address` only, leaving those of test files running in parallel. */
export async function clearMails(address: string): Promise<void> {
  const ids = (await mailsTo(address)).map((mail) => mail.id);
  if (ids.length > 0)
    await call('/email/delete', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids }) });
}
