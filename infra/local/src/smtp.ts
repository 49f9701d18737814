import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app';
import { LaunchError } from './log';
import { RunningService } from './postgres';
import { freePort, stopChild, waitFor } from './processes';

export interface MailCatcher extends RunningService {
  /** Web inbox; MailDev's REST API (GET /api/email, …) is under /api on the same port. */
  inboxUrl: string;
}

/**
 * MailDev keeps every message instead of delivering it and shows them in a web inbox, with a REST
 * API that tests read. Chosen as the one maintained npm package with all three (3.x of 2026, MIT,
 * Node >= 20, the most downloaded of its kind); 3.x rather than 2.x, whose line has ended. The other
 * candidates are clients of servers in Go (Mailpit, MailHog), SMTP servers without an inbox
 * (smtp-tester) or unmaintained (fake-smtp-server).
 */
const MAILDEV = join(ROOT, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
/** Oldest messages (and their files) go beyond this, so a long-lived .data/ stays small. */
const MAX_EMAILS = 500;

/**
 * The mail catcher on free loopback ports, messages under `dataDir` (so `npm start` keeps its inbox
 * across restarts). It runs as a child process: it prints to the console unconditionally and
 * installs its own signal handlers, neither of which belongs in the launcher.
 */
export async function startMailCatcher(dataDir: string): Promise<MailCatcher> {
  mkdirSync(dataDir, { recursive: true });
  const smtpPort = await freePort();
  let webPort = await freePort();
  while (webPort === smtpPort) webPort = await freePort();
  const log = openSync(join(dataDir, 'maildev.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      MAILDEV,
      ['--smtp', String(smtpPort), '--ip', '127.0.0.1'],
      ['--web', String(webPort), '--web-ip', '127.0.0.1'],
      ['--mail-directory', join(dataDir, 'messages'), '--max-emails', String(MAX_EMAILS)],
    ].flat(),
    // Its own process group, like Redis: Ctrl-C reaches the launcher, which stops it after the apps.
    // Run from its data directory so that no maildev.config.js elsewhere is picked up.
    { cwd: dataDir, stdio: ['ignore', log, log], detached: true },
  );
  closeSync(log);
  process.once('exit', () => child.kill('SIGTERM'));
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  try {
    // The API listens only after the SMTP server does.
    await waitFor('MailDev (mail catcher)', async () => (await fetch(`${inboxUrl}/api/healthz`)).ok, 30_000, child);
  } catch (e) {
    await stopChild(child);
    throw new LaunchError(`${(e as Error).message}; its output is in ${join(dataDir, 'maildev.log')}`);
  }
  return { url: `smtp://127.0.0.1:${smtpPort}`, inboxUrl, stop: () => stopChild(child) };
}
