/**
 * The national-scale data set on its own, for poking at with `psql` or pointing a local API at:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx tsx --tsconfig backend/tsconfig.app.json bench/generate-data.ts
 *
 * Creates `eslabon_bench_data` (dropped first if left over) with the real migrations and reference data,
 * BENCH_SUPPLIERS synthetic suppliers (default 200 000, synthetic-suppliers.ts) and BENCH_TENDERS tenders
 * (default 50 000, synthetic-tenders.ts), then builds the search index with the real reindex and reports
 * its speed. The database is kept; BENCH_DROP=1 drops it at the end. See bench/README.md.
 */
import 'reflect-metadata';
import { admin, adminUrlOrExit, count, createBenchDatabase, envInt, load } from './bench-kit';
import { loadSyntheticSuppliers } from './synthetic-suppliers';
import { DEFAULT_TENDERS, buildSearchIndex, loadSyntheticTenders } from './synthetic-tenders';

const BENCH_DB = 'eslabon_bench_data';

async function main(): Promise<void> {
  const adminUrl = adminUrlOrExit();
  const n = envInt('BENCH_SUPPLIERS', 200_000, 0);
  const m = envInt('BENCH_TENDERS', DEFAULT_TENDERS);
  const { db } = await createBenchDatabase(adminUrl, BENCH_DB);
  try {
    const runner = db.createQueryRunner();
    try {
      if (n > 0) {
        const s = await loadSyntheticSuppliers(runner, n);
        console.log(`${count(s.registered)} registered suppliers (${count(s.classes)} UNSPSC class rows) in ${s.seconds.toFixed(1)} s`);
      }
      const t = await loadSyntheticTenders(runner, m);
      console.log(
        `${count(t.tenders)} tenders of ${count(t.buyers)} buyers (${count(t.published)} published, ${count(t.live)} live; ` +
          `${count(t.lots)} lots, ${count(t.reservedLots)} reserved) in ${t.seconds.toFixed(1)} s`,
      );
    } finally {
      await runner.release();
    }
    console.log(`Reindexing (load average ${load()})…`);
    const index = await buildSearchIndex(db);
    console.log(
      `Reindex: ${count(index.indexed)} tenders in ${index.seconds.toFixed(1)} s = ${count(Math.round(index.indexed / index.seconds))} tenders/s ` +
        `(${count(index.terms)} search terms); load average ${load()}`,
    );
  } finally {
    await db.destroy();
    if (process.env['BENCH_DROP'] === '1') await admin(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    else console.log(`Kept database ${BENCH_DB}`);
  }
}

main().catch((e: Error) => {
  console.error(`Generation failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
