import { ConfigError, parseLauncherConfig } from '@eslabon/config';
import { join } from 'node:path';
import { ROOT, buildApps, runBackendCommand, startApp } from './app';
import { localBidMasterKey } from './bid-key';
import { Lifecycle } from './lifecycle';
import { LaunchError, say } from './log';
import { ensureDatabase } from './postgres';
import { portIsFree } from './processes';
import { provisionStack } from './stack';

/**
 * `npm start`: the whole product on one machine. Uses DATABASE_URL / REDIS_URL / SMTP_URL when set,
 * otherwise an embedded PostgreSQL, a local redis-server and a mail catcher with their files under .data/.
 */
const lifecycle = new Lifecycle({ verbose: true });

/** Known credentials for trying the product locally; printed at start. */
const DEMO_ACCOUNTS = {
  SEED_ADMIN_EMAIL: 'admin@eslabon.local',
  SEED_ADMIN_PASSWORD: 'eslabon-admin-demo',
  SEED_OFFICER_EMAIL: 'veeduria@eslabon.local',
  SEED_OFFICER_PASSWORD: 'eslabon-veeduria-demo',
  SEED_DEMO: 'true',
};

async function main(): Promise<void> {
  // Every variable the API will read is checked before minutes are spent building.
  const { port } = parseLauncherConfig(process.env);
  if (!(await portIsFree(port))) throw new LaunchError(`Port ${port} is already in use: stop what uses it or set PORT to a free port.`);

  say('Building the API and the web app (the first build takes a while)…');
  await buildApps();

  const stack = (lifecycle.stack = await provisionStack(join(ROOT, '.data'), { persistent: true, fast: false }));
  const databaseUrl = stack.externalDatabase ? stack.postgresUrl : await ensureDatabase(stack.postgresUrl, 'eslabon');
  const env = {
    STORAGE_DIR: join(ROOT, '.data', 'uploads'),
    BID_MASTER_KEY: process.env['BID_MASTER_KEY'] || localBidMasterKey(join(ROOT, '.data', 'bid-master.key')),
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: stack.redisUrl,
    SMTP_URL: stack.smtpUrl,
  };
  await runBackendCommand('migrate', env);
  // Demo operator accounts only in the project's own database, never in one it was pointed at.
  if (!stack.externalDatabase) await runBackendCommand('seed', { ...env, ...DEMO_ACCOUNTS });
  say('Starting the API and the worker…');
  const app = (lifecycle.app = await startApp(env, port));
  say(`Eslabón is running at ${app.url}`);
  if (stack.mailInboxUrl) say(`E-mail it sends (verification, invitations…) lands in the inbox at ${stack.mailInboxUrl}`);
  if (!stack.externalDatabase) {
    say(
      `Demo accounts: platform admin ${DEMO_ACCOUNTS.SEED_ADMIN_EMAIL} / ${DEMO_ACCOUNTS.SEED_ADMIN_PASSWORD}, officer ${DEMO_ACCOUNTS.SEED_OFFICER_EMAIL} / ${DEMO_ACCOUNTS.SEED_OFFICER_PASSWORD}`,
    );
  }
  say(`API docs: ${app.url}/api/docs · health: ${app.url}/api/health · Ctrl-C stops everything.`);
  const why = await app.exited;
  if (!lifecycle.isStopping) {
    say(`The ${why} unexpectedly; stopping everything.`);
    await lifecycle.exit(1);
  }
}

main().catch(async (e: unknown) => {
  const known = e instanceof ConfigError || e instanceof LaunchError;
  process.stderr.write(`${known ? (e as Error).message : ((e as Error).stack ?? String(e))}\n`);
  await lifecycle.exit(e instanceof ConfigError ? 2 : e instanceof LaunchError ? e.exitCode : 1);
});
