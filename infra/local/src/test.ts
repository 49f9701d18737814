import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildApps, nxCommand, runBackendCommand, startApp } from './app';
import { newBidMasterKey } from './bid-key';
import { Lifecycle } from './lifecycle';
import { LaunchError, say } from './log';
import { dropDatabase, ensureDatabase } from './postgres';
import { freePort, runForCode } from './processes';
import { Stack, provisionStack } from './stack';
import { ensureSystemPackage } from './system-packages';

/**
 * `npm test`: every test against real services. Modes: `all` (static checks, Jest, then the
 * built product under Playwright), `jest` or `e2e`; arguments after the mode go to that runner
 * (e.g. `npm run test:jest -- backend/src/modules/health`).
 */
const MODES = ['all', 'jest', 'e2e'] as const;
type Mode = (typeof MODES)[number];

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Why the step itself failed (a crash rather than failing tests). */
  error?: string;
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'eslabon-test-'));
const lifecycle = new Lifecycle({ verbose: false, cleanup: () => rmSync(work, { recursive: true, force: true }) });

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

function exitError(exitCode: number): string | undefined {
  return exitCode === 0 ? undefined : `exit ${exitCode}`;
}

async function runStaticChecks(): Promise<Tally> {
  say('Static checks: formatting (Prettier), ESLint (no warnings allowed) and type checks…');
  const prettier = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const formatCode = await runForCode(process.execPath, [prettier, '--check', '--log-level=warn', '.'], { cwd: ROOT });
  const lintCode = await runForCode(...nxCommand('run-many', '-t', 'lint', 'typecheck'));
  const error = formatCode !== 0 ? 'formatting: run "npx prettier --write ."' : exitError(lintCode);
  return { name: 'Static checks (Prettier, ESLint, tsc)', passed: 0, failed: 0, skipped: 0, error };
}

/** Where tests read the mail the product sent; absent when SMTP_URL points elsewhere. */
function mailCatcherEnv(stack: Stack, variable: string): Record<string, string> {
  return stack.mailInboxUrl ? { [variable]: stack.mailInboxUrl } : {};
}

async function runJest(stack: Stack, args: string[]): Promise<Tally> {
  const report = join(work, 'jest.json');
  const exitCode = await runForCode(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      join(ROOT, 'jest.config.ts'),
      '--json',
      `--outputFile=${report}`,
      // A leaked handle must not keep CI waiting forever; leaks show as Jest's own warning.
      '--forceExit',
      ...args,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: stack.postgresUrl,
        REDIS_URL: stack.redisUrl,
        SMTP_URL: stack.smtpUrl,
        ...mailCatcherEnv(stack, 'MAIL_CATCHER_URL'),
      },
    },
  );
  const result = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numRuntimeErrorTestSuites: number;
  }>(report);
  return {
    name: 'Jest (libs, backend unit + integration, frontend components)',
    passed: result?.numPassedTests ?? 0,
    // A suite that cannot even load counts as a failure too.
    failed: (result?.numFailedTests ?? 0) + (result?.numRuntimeErrorTestSuites ?? 0),
    skipped: (result?.numPendingTests ?? 0) + (result?.numTodoTests ?? 0),
    error: exitError(exitCode),
  };
}

async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (process.env['CHROMIUM_PATH']) throw new LaunchError(`CHROMIUM_PATH points to ${CHROMIUM}, which does not exist`);
  await ensureSystemPackage('chromium', ['chromium', 'fonts-liberation'], 'the browser tests');
}

async function runPlaywright(stack: Stack, args: string[]): Promise<Tally> {
  await ensureChromium();
  say('Building the product for the browser tests…');
  await buildApps();
  // On a server of the user's (DATABASE_URL) the database gets a unique name and is dropped afterwards.
  const database = stack.externalDatabase ? `eslabon_e2e_${process.pid}` : 'eslabon_e2e';
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: await ensureDatabase(stack.postgresUrl, database),
    REDIS_URL: stack.redisUrl,
    SMTP_URL: stack.smtpUrl,
    QUEUE_PREFIX: `eslabon-e2e-${process.pid}`,
    WORKER_HEARTBEAT_MS: '1000',
    STORAGE_DIR: join(work, 'uploads'),
    BID_MASTER_KEY: newBidMasterKey(),
  };
  try {
    await runBackendCommand('migrate', env);
    // The demo organizations give the journeys buyers and suppliers to meet (backend/src/demo).
    await runBackendCommand('seed', {
      ...env,
      SEED_ADMIN_EMAIL: 'admin@eslabon.local',
      SEED_ADMIN_PASSWORD: 'eslabon-admin-e2e',
      // The reports journey reads the demo's decided processes as an oversight officer.
      SEED_OFFICER_EMAIL: 'veeduria@eslabon.local',
      SEED_OFFICER_PASSWORD: 'eslabon-veeduria-e2e',
      SEED_DEMO: 'true',
    });
    mkdirSync(join(ROOT, 'e2e', 'test-results'), { recursive: true });
    const app = (lifecycle.app = await startApp(env, await freePort(), join(ROOT, 'e2e', 'test-results', 'app.log')));
    say(`Product running at ${app.url} for the browser tests (logs: e2e/test-results/app.log)`);
    const report = join(work, 'playwright.json');
    const exitCode = await runForCode(
      process.execPath,
      [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', join(ROOT, 'e2e', 'playwright.config.ts'), ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          E2E_BASE_URL: app.url,
          // Journeys that span days (closing, comment periods) move those instants in the database.
          E2E_DATABASE_URL: env.DATABASE_URL,
          E2E_JSON_REPORT: report,
          CHROMIUM_PATH: CHROMIUM,
          ...mailCatcherEnv(stack, 'E2E_MAIL_CATCHER_URL'),
        },
      },
    );
    const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report)?.stats;
    return {
      name: 'Playwright (browser journeys in Chromium)',
      passed: stats?.expected ?? 0,
      failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0),
      skipped: stats?.skipped ?? 0,
      error: exitError(exitCode),
    };
  } finally {
    await lifecycle.app?.stop();
    lifecycle.app = undefined;
    if (stack.externalDatabase) await dropDatabase(stack.postgresUrl, database);
  }
}

/** Runs one step; a step that crashes is reported as a failure and the others still run. */
async function step(name: string, run: () => Promise<Tally>): Promise<Tally> {
  try {
    return await run();
  } catch (e) {
    process.stderr.write(`${e instanceof LaunchError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    return { name, passed: 0, failed: 0, skipped: 0, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

function summarize(tallies: Tally[]): boolean {
  const line = (t: Pick<Tally, 'passed' | 'failed' | 'skipped'>) => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
  const total = { passed: 0, failed: 0, skipped: 0 };
  process.stdout.write('\n──────── Eslabón test summary ────────\n');
  for (const t of tallies) {
    const ok = !t.error && t.failed === 0;
    const counts = t.passed + t.failed + t.skipped > 0 ? `: ${line(t)}` : '';
    process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${t.name}${counts}${t.error ? ` (${t.error})` : ''}\n`);
    total.passed += t.passed;
    // A step that failed without failing tests still counts once.
    total.failed += t.failed || (t.error ? 1 : 0);
    total.skipped += t.skipped;
  }
  process.stdout.write(`Total: ${line(total)}\n`);
  return total.failed === 0;
}

async function main(): Promise<boolean> {
  const [mode = 'all', ...rest] = process.argv.slice(2) as [Mode, ...string[]];
  if (!MODES.includes(mode)) throw new LaunchError(`Unknown test mode "${mode}": use ${MODES.join(', ')}`);
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  const stack = (lifecycle.stack = await provisionStack(work, { persistent: false, fast: true }));
  const tallies: Tally[] = [];
  if (mode === 'all') tallies.push(await step('Static checks', runStaticChecks));
  if (mode !== 'e2e') tallies.push(await step('Jest', () => runJest(stack, mode === 'jest' ? args : [])));
  if (mode !== 'jest') tallies.push(await step('Playwright', () => runPlaywright(stack, mode === 'e2e' ? args : [])));
  return summarize(tallies);
}

main()
  .then((ok) => lifecycle.exit(ok ? 0 : 1))
  .catch(async (e: unknown) => {
    process.stderr.write(`${e instanceof LaunchError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    process.stdout.write('Total: 0 passed, 1 failed, 0 skipped\n');
    await lifecycle.exit(1);
  });
