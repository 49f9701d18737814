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
import { writeFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { DIRECTORY_TOTAL_CAP, countMatches, directoryFilter } from '../backend/src/modules/suppliers/directory-query';
import { SupplierDirectoryService } from '../backend/src/modules/suppliers/supplier-directory.service';
import {
  CaptureLogger,
  type ExplainedStatement,
  type Statement,
  type Stats,
  adminUrlOrExit,
  createBenchDatabase,
  envInt,
  explain,
  load,
  machine,
  markdownTable,
  ms,
  percentile,
  plansMarkdown,
  printPlans,
  stats,
  time,
} from './bench-kit';
import { loadSyntheticSuppliers } from './synthetic-suppliers';

const BENCH_DB = 'eslabon_bench';
/** p95 above this at 200 000 suppliers counts as slow (bench/README.md). */
const SLOW_P95_MS = 200;
const DEFAULT_PAGE_SIZE = 20;
/** directory() runs its statements with JIT off. */
const JIT_OFF = ['SET LOCAL jit = off'];

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

const statementKind = (sql: string) => (sql.startsWith('SELECT count(*)') ? (sql.includes(' LIMIT ') ? 'capped count' : 'count') : 'page');

function table(results: Result[]): string {
  return markdownTable(
    ['Query', 'Matches', 'p50 / p95 ms', 'views p50 ms'],
    results.map((r) => [r.name, r.matches.toLocaleString('en-US'), `${ms(r.timing.p50)} / ${ms(r.timing.p95)}`, ms(r.viewsP50)]),
  );
}

async function main(): Promise<void> {
  const adminUrl = adminUrlOrExit();
  const n = envInt('BENCH_SUPPLIERS', 200_000);
  const runs = envInt('BENCH_RUNS', 30);
  const warmup = envInt('BENCH_WARMUP', 3, 0);

  const logger = new CaptureLogger('transaction');
  // The migrations create the directory's indexes.
  const { db, close } = await createBenchDatabase(adminUrl, BENCH_DB, logger);
  try {
    console.log(`Loading ${n} suppliers…`);
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
      const r: Result = { name, matches, timing: stats(samples), viewsP50: percentile(viewSamples, 0.5), statements };
      results.push(r);
      console.log(`  ${name.padEnd(48)} ${String(matches).padStart(7)} matches  p50 ${ms(r.timing.p50)} ms  p95 ${ms(r.timing.p95)} ms`);
    }
    loads.push(`after: ${load()}`);
    // Explain the slow ones, or at least the three slowest.
    const bySlowness = [...results].sort((a, b) => b.timing.p95 - a.timing.p95);
    for (const r of bySlowness.filter((r, i) => i < 3 || r.timing.p95 > SLOW_P95_MS))
      r.explained = await explain(db, r.statements, { setup: JIT_OFF });

    const env = await machine(db);
    const header = `${env}\nLoad average (1/5/15 min) ${loads.join('; ')}`;
    console.log(`\n${header}\n\n${table(results)}\n`);
    printPlans(bySlowness, statementKind);
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
          plansMarkdown(bySlowness, statementKind),
        ].join('\n'),
      );
      console.log(`\nReport written to ${reportPath}`);
    }
  } finally {
    await close();
  }
}

main().catch((e: Error) => {
  console.error(`Benchmark failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
