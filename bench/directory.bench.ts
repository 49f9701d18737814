/**
 * Benchmark of the supplier directory (SupplierDirectoryService.directory) at national scale.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx --tsconfig backend/tsconfig.app.json bench/directory.bench.ts
 *
 * Creates the database `eslabon_bench` on that server (dropped first if left over, dropped again at
 * the end unless BENCH_KEEP=1), applies the real migrations (indexes included) and reference data,
 * bulk-loads BENCH_SUPPLIERS synthetic suppliers (default 200 000) and analyzes them, then times
 * directory() for a set of realistic queries and explains the statements of the slowest ones.
 * BENCH_RUNS (30) and BENCH_WARMUP (3) set the repetitions; BENCH_REPORT=path also writes the
 * results and plans as Markdown. See bench/README.md.
 */
import 'reflect-metadata';
import type { SupplierDirectoryQuery, SupplierPublicView } from '@eslabon/contracts';
import { redactUrl, withDatabase } from '@eslabon/config';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { DataSource, type EntityManager, type Logger } from 'typeorm';
import { AuditService } from '../backend/src/core/audit/audit.service';
import { dataSourceOptions } from '../backend/src/core/database/data-source-options';
import { ReferenceDataService } from '../backend/src/modules/reference-data/reference-data.service';
import { DIRECTORY_TOTAL_CAP, countMatches, directoryFilter } from '../backend/src/modules/suppliers/directory-query';
import { SupplierDirectoryService } from '../backend/src/modules/suppliers/supplier-directory.service';
import { type ExplainJson, type PlanSummary, summarizePlan } from './plan-summary';
import { loadSyntheticSuppliers } from './synthetic-suppliers';

const BENCH_DB = 'eslabon_bench';
/** p95 above this at 200 000 suppliers counts as slow (bench/README.md). */
const SLOW_P95_MS = 200;
const DEFAULT_PAGE_SIZE = 20;

/** What buyers and officers ask the directory (GET /api/v1/suppliers?…); pages stay within the DTO's 500. */
const QUERIES: { name: string; query: SupplierDirectoryQuery }[] = [
  { name: 'no filter, page 1', query: {} },
  { name: 'class 432115 (Computadores)', query: { unspsc: '432115' } },
  { name: 'class 601221 (Velas artesanales)', query: { unspsc: '601221' } },
  { name: 'family 5310 (Ropa)', query: { unspsc: '5310' } },
  { name: 'segment 43 (Tecnología)', query: { unspsc: '43' } },
  { name: 'department 05 (Antioquia)', query: { department: '05' } },
  { name: 'department 91 (Amazonas)', query: { department: '91' } },
  { name: 'class 721211 + department 76', query: { unspsc: '721211', department: '76' } },
  { name: 'size micro + cooperative', query: { size: 'micro', supplierType: 'cooperative' } },
  { name: 'women-led', query: { womenLed: true } },
  { name: 'national products', query: { nationalProducts: true } },
  {
    name: 'family 5310 + dept 11 + women-led + national',
    query: { unspsc: '5310', department: '11', womenLed: true, nationalProducts: true },
  },
  { name: 'q "uniformes"', query: { q: 'uniformes' } },
  { name: 'q "cafe tostado"', query: { q: 'cafe tostado' } },
  { name: 'q "rodriguez" + department 08', query: { q: 'rodriguez', department: '08' } },
  { name: 'deep page 500, no filter', query: { page: 500 } },
  { name: 'deep page 500 × 50, no filter', query: { page: 500, pageSize: 50 } },
  { name: 'deep page 200, department 11', query: { department: '11', page: 200 } },
  { name: 'deep page 200, department 91', query: { department: '91', page: 200 } },
];

interface Stats {
  p50: number;
  p95: number;
}

interface Statement {
  sql: string;
  params: unknown[];
}

interface ExplainedStatement extends Statement {
  plan: PlanSummary;
  planText: string;
}

interface Result {
  name: string;
  /** Every match, counted without the directory's cap. */
  matches: number;
  timing: Stats;
  /** p50 of publicViews() for the page's ids: the part of directory() after its transaction. */
  viewsP50: number;
  /** The statements of directory()'s transaction for this query (page, rest of a department, count). */
  statements: Statement[];
  explained?: ExplainedStatement[];
}

const ignore = (): void => undefined;

/** Remembers the statements of the last transaction, i.e. directory()'s page and count queries. */
class CaptureLogger implements Logger {
  statements: Statement[] = [];
  private recording = false;
  logQuery(query: string, parameters?: unknown[]): void {
    if (query === 'START TRANSACTION') {
      this.statements = [];
      this.recording = true;
    } else if (query === 'COMMIT') {
      this.recording = false;
    } else if (this.recording && !query.startsWith('SET ')) {
      this.statements.push({ sql: query, params: parameters ?? [] });
    }
  }
  // Everything else TypeORM reports is of no interest here.
  logQueryError = ignore;
  logQuerySlow = ignore;
  logSchemaBuild = ignore;
  logMigration = ignore;
  log = ignore;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const ms = (n: number) => n.toFixed(1);
const envInt = (name: string, fallback: number, min = 1) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const statementKind = (sql: string) => (sql.startsWith('SELECT count(*)') ? (sql.includes(' LIMIT ') ? 'capped count' : 'count') : 'page');

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns sorted milliseconds. */
async function time(fn: () => Promise<unknown>, warmup: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, with JIT off as directory() runs them. */
async function explain(db: DataSource, statements: Statement[]): Promise<ExplainedStatement[]> {
  return db.transaction(async (em) => {
    await em.query(`SET LOCAL jit = off`);
    const out: ExplainedStatement[] = [];
    for (const s of statements) {
      const [json] = await em.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, s.params);
      const text: { 'QUERY PLAN': string }[] = await em.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      out.push({
        ...s,
        plan: summarizePlan((json['QUERY PLAN'] as ExplainJson[])[0]),
        planText: text.map((row) => row['QUERY PLAN']).join('\n'),
      });
    }
    return out;
  });
}

async function machine(db: DataSource): Promise<string> {
  const [pg] = await db.query(`SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers,
      current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel,
      current_setting('lc_collate') AS collation`);
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    `${String(pg.version).split(' on ')[0]}; shared_buffers ${pg.shared_buffers}, work_mem ${pg.work_mem}, ` +
      `max_parallel_workers_per_gather ${pg.parallel}, collation ${pg.collation}`,
  ].join('\n');
}

function table(results: Result[]): string {
  const rows = results.map((r) =>
    [r.name, r.matches.toLocaleString('en-US'), `${ms(r.timing.p50)} / ${ms(r.timing.p95)}`, ms(r.viewsP50)].join(' | '),
  );
  return ['| Query | Matches | p50 / p95 ms | views p50 ms |', '| --- | ---: | ---: | ---: |', ...rows.map((r) => `| ${r} |`)].join('\n');
}

function plans(results: Result[]): string {
  return results
    .filter((r) => r.explained)
    .map((r) =>
      [
        `### ${r.name}`,
        '',
        ...(r.explained ?? []).map((s) =>
          [
            `#### ${statementKind(s.sql)}: execution ${ms(s.plan.executionMs)} ms (planning ${ms(s.plan.planningMs)} ms)`,
            '',
            `Buffers: ${s.plan.sharedHit} hit, ${s.plan.sharedRead} read, ${s.plan.tempWritten} temp written. ` +
              'Busiest nodes (own time summed over loops and parallel workers, from µs-rounded per-loop times):',
            '',
            ...s.plan.hotNodes.map((n) => `- ${n}`),
            '',
            '```sql',
            s.sql.trim(),
            `-- parameters: ${JSON.stringify(s.params)}`,
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

async function main(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  const n = envInt('BENCH_SUPPLIERS', 200_000);
  const runs = envInt('BENCH_RUNS', 30);
  const warmup = envInt('BENCH_WARMUP', 3, 0);

  await admin(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin(adminUrl, `CREATE DATABASE ${BENCH_DB}`);
  const url = withDatabase(adminUrl, BENCH_DB);
  const logger = new CaptureLogger();
  const db = new DataSource({ ...dataSourceOptions(url, 'eslabon-bench'), logger });
  try {
    await db.initialize();
    // The same steps as backend/src/migrate.ts; the migrations create the directory's indexes.
    await db.runMigrations({ transaction: 'each' });
    const audit = new AuditService(db);
    await new ReferenceDataService(db, audit).loadMissing();
    console.log(`Database ${redactUrl(url)} migrated, reference data loaded; loading ${n} suppliers…`);

    // loadSyntheticSuppliers ends with VACUUM ANALYZE of the registry tables.
    const runner = db.createQueryRunner();
    const loaded = await loadSyntheticSuppliers(runner, n).finally(() => runner.release());
    console.log(
      `Loaded and analyzed in ${loaded.seconds.toFixed(1)} s: ${loaded.organizations} organizations, ` +
        `${loaded.registered} registered profiles, ${loaded.classes} UNSPSC class rows, ${loaded.nationalProducts} national products`,
    );

    // Built by hand as backend/src/demo/seed-demo.ts builds its services: it needs only the data source.
    const directory = new SupplierDirectoryService(db);
    // publicViews is private; the bench times it on its own to split directory() into its two parts.
    const views = directory as unknown as { publicViews(em: EntityManager, ids: string[]): Promise<SupplierPublicView[]> };
    const loads: string[] = [`before: ${load()}`];

    const results: Result[] = [];
    for (const { name, query } of QUERIES) {
      const samples = await time(() => directory.directory(query), warmup, runs);
      const page = await directory.directory(query);
      const statements = logger.statements;
      const matches = await countMatches(db.manager, directoryFilter(query, 'all'));
      const offset = ((query.page ?? 1) - 1) * (query.pageSize ?? DEFAULT_PAGE_SIZE);
      const expectedItems = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, Math.max(0, matches - offset));
      if (
        page.total !== Math.min(matches, DIRECTORY_TOTAL_CAP) ||
        page.totalCapped !== matches > DIRECTORY_TOTAL_CAP ||
        page.items.length !== expectedItems
      ) {
        throw new Error(`${name}: ${page.items.length} items, total ${page.total}, but ${matches} matches`);
      }
      const ids = page.items.map((i) => i.organizationId);
      const viewSamples = await time(() => views.publicViews(db.manager, ids), 1, Math.min(runs, 10));
      const r: Result = {
        name,
        matches,
        timing: { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) },
        viewsP50: percentile(viewSamples, 0.5),
        statements,
      };
      results.push(r);
      console.log(`  ${name.padEnd(48)} ${String(matches).padStart(7)} matches  p50 ${ms(r.timing.p50)} ms  p95 ${ms(r.timing.p95)} ms`);
    }
    loads.push(`after: ${load()}`);
    // Explain the slow ones, or at least the three slowest.
    const bySlowness = [...results].sort((a, b) => b.timing.p95 - a.timing.p95);
    for (const r of bySlowness.filter((r, i) => i < 3 || r.timing.p95 > SLOW_P95_MS)) r.explained = await explain(db, r.statements);

    const env = await machine(db);
    const header = `${env}\nLoad average (1/5/15 min) ${loads.join('; ')}`;
    console.log(`\n${header}\n\n${table(results)}\n`);
    for (const r of bySlowness.filter((r) => r.explained)) {
      console.log(`${r.name}:`);
      for (const s of r.explained ?? []) {
        console.log(`  ${statementKind(s.sql)}: execution ${ms(s.plan.executionMs)} ms`);
        for (const node of s.plan.hotNodes) console.log(`    ${node}`);
      }
    }
    const reportPath = process.env['BENCH_REPORT'];
    if (reportPath) {
      const when = `${new Date().toISOString()}, ${n.toLocaleString('en-US')} suppliers, ${runs} timed runs after ${warmup} warm-ups per query.`;
      writeFileSync(
        reportPath,
        [
          `# Supplier directory benchmark`,
          '',
          when,
          '',
          '```text',
          header,
          '```',
          '',
          table(results),
          '',
          '## Plans of the slowest queries',
          '',
          "Each statement of `directory()`'s transaction, explained with JIT off as the service runs it.",
          '',
          plans(bySlowness),
        ].join('\n'),
      );
      console.log(`\nReport written to ${reportPath}`);
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    if (process.env['BENCH_KEEP'] === '1') console.log(`Kept database ${BENCH_DB}`);
    else await admin(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
}

main().catch((e: Error) => {
  console.error(`Benchmark failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
