/**
 * What the benchmarks share: a throw-away database with the real migrations and reference data,
 * timing with nearest-rank percentiles, the machine's facts, and `EXPLAIN (ANALYZE, BUFFERS)` of the
 * statements a slow query ran, for the console and for the Markdown report.
 */
import { type ServerConfig, parseServerConfig, redactUrl, withDatabase } from '@eslabon/config';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import { AuditService } from '../backend/src/core/audit/audit.service';
import { dataSourceOptions } from '../backend/src/core/database/data-source-options';
import { QUEUE_NAMES } from '../backend/src/core/queue/queues';
import { redisOptionsFromUrl } from '../backend/src/core/queue/redis-options';
import { ReferenceDataService } from '../backend/src/modules/reference-data/reference-data.service';
import { type ExplainJson, type PlanSummary, summarizePlan } from './plan-summary';

export interface Stats {
  p50: number;
  p95: number;
  max: number;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface ExplainedStatement extends Statement {
  plan: PlanSummary;
  planText: string;
}

const ignore = (): void => undefined;

/**
 * Remembers statements: those of the last transaction (`transaction`, e.g. directory()'s page and
 * count queries), or everything between start() and stop() (`manual`, for code that runs no transaction).
 */
export class CaptureLogger implements Logger {
  statements: Statement[] = [];
  private recording = false;
  constructor(private readonly scope: 'transaction' | 'manual') {}
  start(): void {
    this.statements = [];
    this.recording = true;
  }
  stop(): Statement[] {
    this.recording = false;
    return this.statements;
  }
  logQuery(query: string, parameters?: unknown[]): void {
    if (this.scope === 'transaction' && query === 'START TRANSACTION') this.start();
    else if (this.scope === 'transaction' && query === 'COMMIT') this.stop();
    else if (this.recording && !query.startsWith('SET ')) this.statements.push({ sql: query, params: parameters ?? [] });
  }
  // Everything else TypeORM reports is of no interest here.
  logQueryError = ignore;
  logQuerySlow = ignore;
  logSchemaBuild = ignore;
  logMigration = ignore;
  log = ignore;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
export const stats = (sorted: number[]): Stats => ({
  p50: percentile(sorted, 0.5),
  p95: percentile(sorted, 0.95),
  max: sorted[sorted.length - 1],
});
export const ms = (n: number) => n.toFixed(1);
export const count = (n: number) => n.toLocaleString('en-US');
export const envInt = (name: string, fallback: number, min = 1) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
};
export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export function adminUrlOrExit(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  return url;
}

export async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns sorted milliseconds. */
export async function time(fn: () => Promise<unknown>, warmup: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

/** Wall-clock seconds of `fn`, with its result. */
export async function seconds<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/**
 * The configuration the API and the worker get in production, against the bench database: local Redis
 * (REDIS_URL to override) under a queue prefix of its own, an SMTP URL nothing is sent to, a fresh bid key,
 * uploads in a temporary directory, no Meilisearch, no logs.
 */
export function benchServerConfig(databaseUrl: string): ServerConfig {
  const run = randomBytes(4).toString('hex');
  return parseServerConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    QUEUE_PREFIX: `eslabon-bench-${run}`,
    STORAGE_DIR: join(tmpdir(), `eslabon-bench-uploads-${run}`),
    BID_MASTER_KEY: randomBytes(32).toString('base64'),
  });
}

/** Empties the queues of a run's prefix (benchServerConfig) in Redis once its processes are closed. */
export async function obliterateQueues(config: ServerConfig): Promise<void> {
  for (const name of QUEUE_NAMES) {
    const queue = new Queue(name, { connection: redisOptionsFromUrl(config.redisUrl), prefix: config.queuePrefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

export interface BenchDatabase {
  db: DataSource;
  url: string;
  /** Closes the data source and drops the database, unless BENCH_KEEP=1. */
  close(): Promise<void>;
}

/**
 * Creates `name` on the server of `adminUrl` (dropping a leftover one first), applies the real migrations
 * with the project's `dataSourceOptions` and loads the reference data: the steps of backend/src/migrate.ts.
 */
export async function createBenchDatabase(adminUrl: string, name: string, logger?: Logger): Promise<BenchDatabase> {
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const db = new DataSource({ ...dataSourceOptions(url, 'eslabon-bench'), ...(logger ? { logger } : {}) });
  const close = async () => {
    if (db.isInitialized) await db.destroy();
    if (process.env['BENCH_KEEP'] === '1') console.log(`Kept database ${name}`);
    else await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await new ReferenceDataService(db, new AuditService(db)).loadMissing();
  } catch (e) {
    await close();
    throw e;
  }
  console.log(`Database ${redactUrl(url)} migrated, reference data loaded`);
  return { db, url, close };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement in one transaction, after `setup` (e.g. `SET LOCAL jit = off`
 * when the code under test runs its statements so). With `rollback` the transaction is rolled back, so
 * explained writes leave nothing behind.
 */
export async function explain(
  db: DataSource,
  statements: Statement[],
  { setup = [], rollback = false }: { setup?: string[]; rollback?: boolean } = {},
): Promise<ExplainedStatement[]> {
  const runner = db.createQueryRunner();
  await runner.startTransaction();
  try {
    for (const s of setup) await runner.query(s);
    const out: ExplainedStatement[] = [];
    for (const s of statements) {
      // Both runs see the same rows: a write's first run is undone, its second kept for the statements after it.
      await runner.query(`SAVEPOINT bench_explain`);
      const [json] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, s.params);
      await runner.query(`ROLLBACK TO SAVEPOINT bench_explain`);
      const text: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      out.push({
        ...s,
        plan: summarizePlan((json['QUERY PLAN'] as ExplainJson[])[0]),
        planText: text.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }
    if (rollback) await runner.rollbackTransaction();
    else await runner.commitTransaction();
    return out;
  } catch (e) {
    await runner.rollbackTransaction();
    throw e;
  } finally {
    await runner.release();
  }
}

export async function machine(db: DataSource): Promise<string> {
  const [pg] = await db.query(`SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers,
      current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel,
      current_setting('jit') AS jit, current_setting('lc_collate') AS collation`);
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    `${String(pg.version).split(' on ')[0]}; shared_buffers ${pg.shared_buffers}, work_mem ${pg.work_mem}, ` +
      `max_parallel_workers_per_gather ${pg.parallel}, jit ${pg.jit}, collation ${pg.collation}`,
  ].join('\n');
}

export interface ExplainedQuery {
  name: string;
  explained?: ExplainedStatement[];
}

/** A bulk parameter (a JSON batch of 10 000 rows) would swamp the report: its start and its length do. */
const shorten = (p: unknown) => (typeof p === 'string' && p.length > 300 ? `${p.slice(0, 200)}… (${p.length} characters)` : p);
const jit = (s: ExplainedStatement) => (s.plan.jitMs > 0 ? `, of which JIT ${ms(s.plan.jitMs)} ms` : '');

/** The console summary of the explained queries: execution time and busiest nodes of each statement. */
export function printPlans(queries: ExplainedQuery[], kind: (sql: string) => string): void {
  for (const r of queries.filter((q) => q.explained)) {
    console.log(`${r.name}:`);
    for (const s of r.explained ?? []) {
      console.log(`  ${kind(s.sql)}: execution ${ms(s.plan.executionMs)} ms${jit(s)}`);
      for (const node of s.plan.hotNodes) console.log(`    ${node}`);
    }
  }
}

/** The report's section of full plans: each statement with its summary, SQL, parameters and plan. */
export function plansMarkdown(queries: ExplainedQuery[], kind: (sql: string) => string): string {
  return queries
    .filter((r) => r.explained)
    .map((r) =>
      [
        `### ${r.name}`,
        '',
        ...(r.explained ?? []).map((s) =>
          [
            `#### ${kind(s.sql)}: execution ${ms(s.plan.executionMs)} ms${jit(s)} (planning ${ms(s.plan.planningMs)} ms)`,
            '',
            `Buffers: ${s.plan.sharedHit} hit, ${s.plan.sharedRead} read, ${s.plan.tempWritten} temp written. ` +
              'Busiest nodes (own time summed over loops and parallel workers, from µs-rounded per-loop times):',
            '',
            ...s.plan.hotNodes.map((n) => `- ${n}`),
            '',
            '```sql',
            s.sql.trim(),
            `-- parameters: ${JSON.stringify(s.params.map(shorten))}`,
            '```',
            '',
            '```text',
            s.planText,
            '```',
            '',
          ].join('\n'),
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** A Markdown table; cells are already formatted, columns after the first right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
