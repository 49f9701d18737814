import { join } from 'node:path';
import { say } from './log';
import { RunningService, startEmbeddedPostgres } from './postgres';
import { startRedis } from './redis';

export interface Stack {
  /** URL of the PostgreSQL server (maintenance database); callers pick their own database on it. */
  postgresUrl: string;
  /** True when DATABASE_URL was given: its database is the app's. */
  externalDatabase: boolean;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL and Redis for the app or the tests: the ones named by DATABASE_URL / REDIS_URL,
 * otherwise servers of the project's own with their files under `dataDir`.
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
    return { postgresUrl, externalDatabase: Boolean(givenDatabase), redisUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
