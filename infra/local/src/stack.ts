import { join } from 'node:path';
import { say } from './log';
import { RunningService, startEmbeddedPostgres } from './postgres';
import { startRedis } from './redis';
import { startMailCatcher } from './smtp';

export interface Stack {
  /** URL of the PostgreSQL server (maintenance database); callers pick their own database on it. */
  postgresUrl: string;
  /** True when DATABASE_URL was given: its database is the app's. */
  externalDatabase: boolean;
  redisUrl: string;
  /** Where the apps send e-mail: SMTP_URL, or the local mail catcher. */
  smtpUrl: string;
  /** The catcher's web inbox (its REST API under /api); undefined when SMTP_URL is given. */
  mailInboxUrl?: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL, Redis and SMTP for the app or the tests: the ones named by DATABASE_URL / REDIS_URL /
 * SMTP_URL, otherwise servers of the project's own with their files under `dataDir`.
 */
export async function provisionStack(dataDir: string, options: { persistent: boolean; fast: boolean }): Promise<Stack> {
  const started: RunningService[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    started.length = 0;
  };
  try {
    const givenDatabase = process.env['DATABASE_URL'];
    let postgresUrl: string;
    if (givenDatabase) {
      say('PostgreSQL: using DATABASE_URL');
      postgresUrl = givenDatabase;
    } else {
      const pg = await startEmbeddedPostgres(join(dataDir, 'postgres'), options);
      started.push(pg);
      postgresUrl = pg.url;
      say(`PostgreSQL: embedded server on ${new URL(pg.url).host}`);
    }
    let redisUrl = process.env['REDIS_URL'];
    if (redisUrl) {
      say('Redis: using REDIS_URL');
    } else {
      const redis = await startRedis(join(dataDir, 'redis'), options);
      started.push(redis);
      redisUrl = redis.url;
      say(`Redis: local redis-server on ${new URL(redis.url).host}`);
    }
    let smtpUrl = process.env['SMTP_URL'];
    let mailInboxUrl: string | undefined;
    if (smtpUrl) {
      say('Mail: using SMTP_URL');
    } else {
      const catcher = await startMailCatcher(join(dataDir, 'mail'));
      started.push(catcher);
      smtpUrl = catcher.url;
      mailInboxUrl = catcher.inboxUrl;
      say(`Mail: local catcher (MailDev) on ${new URL(catcher.url).host}, nothing is delivered`);
    }
    return { postgresUrl, externalDatabase: Boolean(givenDatabase), redisUrl, smtpUrl, mailInboxUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
