import exitHook from 'async-exit-hook';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, RunningApp, buildApps, migrate, nxCommand, startApp } from './app';
import { LaunchError, say } from './log';
import { dropDatabase, ensureDatabase } from './postgres';
import { freePort, runForCode } from './processes';
import { Stack, provisionStack } from './stack';
import { ensureSystemPackage } from './system-packages';

/**
 * `npm test`: every test against real services. Modes: `all` (Jest, then the built product
 * under Playwright), `jest` or `e2e`; arguments after the mode go to that runner
 * (e.g. `npm run test:jest -- backend/src/modules/health`).
 */
type Mode = 'all' | 'jest' | 'e2e';

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const E2E_DATABASE = 'eslabon_e2e';

const work = mkdtempSync(join(tmpdir(), 'eslabon-test-'));
const running: { stack?: Stack; app?: RunningApp; stopping?: Promise<void> } = {};

function stopAll(): Promise<void> {
  running.stopping ??= (async () => {
    await running.app?.stop();
    await running.stack?.stop();
    rmSync(work, { recursive: true, force: true });
  })();
  return running.stopping;
}
exitHook((done) => void stopAll().finally(done));

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

async function runStaticChecks(): Promise<Tally> {
  say('Static checks: ESLint (no warnings allowed) and type checks…');
  const exitCode = await runForCode(...nxCommand('run-many', '-t', 'lint', 'typecheck'));
  return { name: 'Static checks (ESLint, tsc)', passed: 0, failed: exitCode === 0 ? 0 : 1, skipped: 0, exitCode };
}

async function runJest(stack: Stack, args: string[]): Promise<Tally> {
  const report = join(work, 'jest.json');
  const exitCode = await runForCode(
    process.execPath,
    [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', join(ROOT, 'jest.config.ts'), '--json', `--outputFile=${report}`, ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: stack.postgresUrl, REDIS_URL: stack.redisUrl } },
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
    exitCode,
  };
}

async function runPlaywright(stack: Stack, args: string[]): Promise<Tally> {
  await ensureSystemPackage(CHROMIUM.split('/').pop() as string, ['chromium', 'fonts-liberation'], 'the browser tests');
  say('Building the product for the browser tests…');
  await buildApps();
  const databaseUrl = stack.externalDatabase
    ? await ensureDatabase(stack.postgresUrl, `${E2E_DATABASE}_${process.pid}`)
    : await ensureDatabase(stack.postgresUrl, E2E_DATABASE);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `eslabon-e2e-${process.pid}`,
    WORKER_HEARTBEAT_MS: '1000',
  };
  await migrate(env);
  const logFile = join(ROOT, 'e2e', 'test-results', 'app.log');
  mkdirSync(join(ROOT, 'e2e', 'test-results'), { recursive: true });
  const app = (running.app = await startApp(env, await freePort(), logFile));
  say(`Product running at ${app.url} for the browser tests (logs: e2e/test-results/app.log)`);
  const report = join(work, 'playwright.json');
  const exitCode = await runForCode(
    process.execPath,
    [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', join(ROOT, 'e2e', 'playwright.config.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, E2E_BASE_URL: app.url, E2E_JSON_REPORT: report, CHROMIUM_PATH: CHROMIUM } },
  );
  await app.stop();
  running.app = undefined;
  if (stack.externalDatabase) await dropDatabase(stack.postgresUrl, new URL(databaseUrl).pathname.slice(1));
  const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report)?.stats;
  return {
    name: 'Playwright (browser journeys in Chromium)',
    passed: stats?.expected ?? 0,
    failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0),
    skipped: stats?.skipped ?? 0,
    exitCode,
  };
}

function summarize(tallies: Tally[]): boolean {
  const line = (t: Omit<Tally, 'name' | 'exitCode'>) => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
  const total = { passed: 0, failed: 0, skipped: 0 };
  process.stdout.write('\n──────── Eslabón test summary ────────\n');
  for (const t of tallies) {
    const ok = t.exitCode === 0 && t.failed === 0;
    const counts = t.passed + t.failed + t.skipped > 0 ? `: ${line(t)}` : '';
    process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${t.name}${counts}${ok || t.failed ? '' : ` (exit ${t.exitCode})`}\n`);
    total.passed += t.passed;
    total.failed += t.failed || (t.exitCode === 0 ? 0 : 1);
    total.skipped += t.skipped;
  }
  process.stdout.write(`Total: ${line(total)}\n`);
  return total.failed === 0 && tallies.every((t) => t.exitCode === 0);
}

async function main(): Promise<boolean> {
  const [modeArg = 'all', ...rest] = process.argv.slice(2);
  if (!['all', 'jest', 'e2e'].includes(modeArg)) throw new LaunchError(`Unknown test mode "${modeArg}": use all, jest or e2e`);
  const mode = modeArg as Mode;
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  const stack = (running.stack = await provisionStack(work, { persistent: false, fast: true }));
  const tallies: Tally[] = [];
  if (mode === 'all') tallies.push(await runStaticChecks());
  if (mode !== 'e2e') tallies.push(await runJest(stack, mode === 'jest' ? args : []));
  if (mode !== 'jest') tallies.push(await runPlaywright(stack, mode === 'e2e' ? args : []));
  return summarize(tallies);
}

main()
  .then(async (ok) => {
    await stopAll();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (e: unknown) => {
    process.stderr.write(`${e instanceof LaunchError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    process.stdout.write('Total: 0 passed, 1 failed\n');
    await stopAll();
    process.exit(1);
  });
