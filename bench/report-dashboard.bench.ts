/**
 * Benchmark of the national-industry report dashboard (GET /api/v1/reports/dashboard, issue 8) through the
 * HTTP API at national scale.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./bench/register.cjs bench/report-dashboard.bench.ts
 *
 * Creates the database `eslabon_bench_reports` on that server (dropped first if left over, dropped again at
 * the end unless BENCH_KEEP=1) with the real migrations and reference data, bulk-loads a year of decided
 * processes with BENCH_AWARDS awarded lots (default 1 000 000) and the year before at BENCH_PREVIOUS_PERCENT
 * (40) % of that, among BENCH_SUPPLIERS (150 000) suppliers and ~330 buyers (synthetic-awards.ts), then builds
 * the aggregates with the real full rebuild `refreshReportFacts(em, null)` (timed, statement by statement),
 * starts the real API (AppModule) on a free local port, signs an officer in and times the dashboard over
 * HTTP for a set of query shapes, one request at a time, BENCH_RUNS (30) after BENCH_WARMUP (5). Then the
 * naive baseline (one GROUP BY over tenders ⋈ tender_lots ⋈ awards ⋈ bids ⋈ supplier_profiles for the same
 * headline and one breakdown, BENCH_NAIVE_RUNS (3) after one warm-up, checked against the dashboard's
 * figures), and EXPLAIN (ANALYZE, BUFFERS) of every statement the dashboard runs. BENCH_YEAR (2025) is the
 * year reported; BENCH_REPORT=path writes the Markdown report; REDIS_URL (redis://127.0.0.1:6379) for the
 * API's queues. See bench/README.md.
 */
import 'reflect-metadata';
import {
  NATIONAL_INDUSTRY_STATUSES,
  type ReportDashboard,
  type ReportQuery,
  type TenderSchedule,
  isNationalOffer,
} from '@eslabon/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppModule } from '../backend/src/app.module';
import { configureApp } from '../backend/src/core/http/configure-app';
import { demoTenderInput } from '../backend/src/demo/seed-demo-tenders';
import { DEMO_TENDERS } from '../backend/src/demo/demo-tenders';
import { ROLLUP_DIMENSIONS, ROLLUP_SETS, refreshReportFacts, rollupSetFor } from '../backend/src/modules/reports/report-facts';
import { ReportsService } from '../backend/src/modules/reports/reports.service';
import { createAccount } from '../backend/src/testing/accounts';
import {
  CaptureLogger,
  type ExplainedStatement,
  type Statement,
  adminUrlOrExit,
  benchServerConfig,
  count,
  createBenchDatabase,
  envInt,
  explain,
  load,
  machine,
  markdownTable,
  ms,
  obliterateQueues,
  percentile,
  plansMarkdown,
  printPlans,
  time,
} from './bench-kit';
import { send, signIn } from './bench-http';
import { type AwardLoadSummary, loadSyntheticAwards } from './synthetic-awards';

const BENCH_DB = 'eslabon_bench_reports';
/** Issue 8: p95 under this per dashboard request after warm-up, at 1 000 000 awards in the year. */
const TARGET_P95_MS = 300;
/** Timed in-process calls of ReportsService.dashboard(), after one warm-up. */
const SERVICE_RUNS = 3;
/** Single-tender refreshes timed after the full rebuild. */
const INCREMENTAL_RUNS = 20;
const NATIONAL = NATIONAL_INDUSTRY_STATUSES.filter(isNationalOffer);
/** The demo tenders' evaluation criteria: every synthetic call scores the same way (as synthetic-tenders.ts). */
const CRITERIA = JSON.stringify(demoTenderInput(DEMO_TENDERS[0], {} as TenderSchedule).criteria);

interface Shape {
  name: string;
  query: ReportQuery;
  /** Periods that are not whole months read report_lot_facts, not the rollups. */
  facts: boolean;
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Result extends Shape {
  http: Latency;
  serviceP50: number;
  /** Rows of the source table the period and filters select (the breakdowns' scan). */
  rowsRead: number;
  dashboard: ReportDashboard;
  statements: Statement[];
  explained?: ExplainedStatement[];
  naive?: { p50: number; max: number; totals: Record<string, string>; segments: Map<string, string> };
  checks?: string[];
}

const latency = (sorted: number[]): Latency => ({
  p50: percentile(sorted, 0.5),
  p95: percentile(sorted, 0.95),
  p99: percentile(sorted, 0.99),
  max: sorted[sorted.length - 1],
});

/** Records, besides CaptureLogger's statements, when each statement was sent (to time the rebuild's steps). */
class TimingLogger extends CaptureLogger {
  sent: { at: number; sql: string }[] | null = null;
  override logQuery(query: string, parameters?: unknown[]): void {
    this.sent?.push({ at: performance.now(), sql: query });
    super.logQuery(query, parameters);
  }
}

const STATEMENT_KINDS: [(sql: string) => boolean, (sql: string) => string][] = [
  [(s) => s.includes('UNION ALL') && s.includes('FROM report_rollups'), () => 'headline + 6 breakdowns (rollups)'],
  [(s) => s.includes('GROUPING SETS'), () => 'headline + 6 breakdowns (facts)'],
  [(s) => s.trimStart().startsWith('SELECT sum('), (s) => `previous period (${s.includes('FROM report_rollups') ? 'rollups' : 'facts'})`],
  [(s) => s.includes('FROM supplier_profiles'), () => 'funnel: registered'],
  [(s) => s.includes('FROM report_supplier_years'), () => 'funnel: matched / bidding / awarded'],
  [(s) => s.includes('max(computed_at)'), () => 'updatedAt'],
  [(s) => s.includes('FROM organizations'), () => 'labels: buyers'],
  [(s) => s.includes('divipola_municipalities'), () => 'labels: departments'],
  [(s) => s.includes('unspsc_codes'), () => 'labels: segments'],
];
const statementKind = (sql: string) => STATEMENT_KINDS.find(([test]) => test(sql))?.[1](sql) ?? 'other';

const REBUILD_KINDS: [string, string][] = [
  ['TRUNCATE', 'truncate'],
  ['WITH lot AS', 'facts (one INSERT … SELECT over the base tables)'],
  ['INSERT INTO report_rollups', `rollups (${ROLLUP_SETS.length} sets of dimensions, one INSERT … SELECT)`],
  ['WITH months AS', 'supplier years'],
];
const rebuildKind = (sql: string) =>
  REBUILD_KINDS.find(([start]) => sql.trimStart().startsWith(start))?.[1] ?? sql.trim().split(/\s+/).slice(0, 3).join(' ');

const FILTER_COLUMNS: [keyof ReportQuery, string, string][] = [
  ['buyerOrganizationId', 'buyer_organization_id', 't.buyer_organization_id'],
  ['department', 'department', 't.execution_department'],
  ['segment', 'segment', `coalesce(substr(l.unspsc_classes[1], 1, 2), '')`],
  ['productiveBet', 'productive_bet', `coalesce(t.productive_bet, '')`],
  ['modality', 'modality', 't.modality'],
];

/** The rows the dashboard's breakdown scan selects, with the service's rule for whole months (reports.service.ts `source`). */
function sourceCount({ query, facts }: Shape): Statement {
  const params: unknown[] = [query.from, query.to];
  const where = [facts ? 'decided_on BETWEEN $1 AND $2' : 'month BETWEEN $1 AND $2'];
  for (const [key, column] of FILTER_COLUMNS) if (query[key] !== undefined) where.push(`${column} = $${params.push(query[key])}`);
  const bits = FILTER_COLUMNS.filter(([key]) => query[key] !== undefined).reduce(
    (b, [, column]) => b | (ROLLUP_DIMENSIONS.find((d) => d.column === column)?.bit ?? 0),
    0,
  );
  const from = facts ? 'report_lot_facts WHERE' : `report_rollups WHERE dims = ${rollupSetFor(bits)} AND`;
  return { sql: `SELECT count(*)::int AS n FROM ${from} ${where.join(' AND ')}`, params };
}

const NAIVE_SEGMENT = `coalesce(substr(l.unspsc_classes[1], 1, 2), '')`;
const awarded = (extra = '') => `a.outcome = 'awarded'${extra ? ` AND ${extra}` : ''}`;
const valueWhere = (extra = '') => `coalesce(sum(a.value_cop) FILTER (WHERE ${awarded(extra)}), 0)::text`;

/**
 * What one would write without the aggregates: the decided lots of the period joined to their award, bid
 * and supplier, for the headline (12 of the 25 measures, those the award side gives) and the segment breakdown.
 */
function naiveStatement(query: ReportQuery): Statement {
  const params: unknown[] = [query.from, query.to, NATIONAL];
  const where = [
    `t.status IN ('awarded', 'void')`,
    `(coalesce(a.decided_at, t.updated_at) AT TIME ZONE 'America/Bogota')::date BETWEEN $1 AND $2`,
  ];
  for (const [key, , column] of FILTER_COLUMNS) if (query[key] !== undefined) where.push(`${column} = $${params.push(query[key])}`);
  return {
    sql: `SELECT GROUPING(${NAIVE_SEGMENT}) = 1 AS total, ${NAIVE_SEGMENT} AS segment,
       count(*)::text AS lots, count(*) FILTER (WHERE ${awarded()})::text AS "awardedLots", count(DISTINCT t.id)::text AS processes,
       count(*) FILTER (WHERE l.reserved_for_mipymes OR l.reserved_for_economia_popular)::text AS "reservedLots",
       coalesce(sum(l.estimated_value_cop) FILTER (WHERE ${awarded()}), 0)::text AS "estimatedValueCop",
       ${valueWhere()} AS "awardedValueCop",
       ${valueWhere('a.national_industry = ANY($3::text[])')} AS "nationalValueCop",
       ${valueWhere(`a.size_class = 'micro'`)} AS "microValueCop",
       ${valueWhere(`a.size_class = 'pequena'`)} AS "pequenaValueCop",
       ${valueWhere(`a.size_class = 'mediana'`)} AS "medianaValueCop",
       ${valueWhere(`(b.bidder_facts->>'womenLed')::boolean`)} AS "womenLedValueCop",
       ${valueWhere('p.domicile_department = t.execution_department')} AS "localValueCop"
  FROM tenders t
  JOIN tender_lots l ON l.tender_id = t.id
  LEFT JOIN awards a ON a.lot_id = l.id
  LEFT JOIN bids b ON b.id = a.bid_id
  LEFT JOIN supplier_profiles p ON p.organization_id = a.supplier_organization_id
 WHERE ${where.join(' AND ')}
 GROUP BY GROUPING SETS ((), (${NAIVE_SEGMENT}))`,
    params,
  };
}
const NAIVE_MEASURES = [
  'lots',
  'awardedLots',
  'processes',
  'reservedLots',
  'estimatedValueCop',
  'awardedValueCop',
  'nationalValueCop',
  'microValueCop',
  'pequenaValueCop',
  'medianaValueCop',
  'womenLedValueCop',
  'localValueCop',
] as const;

const params = (query: ReportQuery) =>
  new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]).toString();

function resultsTable(results: Result[]): string {
  return markdownTable(
    ['Query', 'Reads', 'Rows read', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'service p50 ms', 'naive p50 s', 'naive ÷ p50'],
    results.map((r) => [
      r.name,
      r.facts ? 'facts' : 'rollups',
      count(r.rowsRead),
      ms(r.http.p50),
      `${ms(r.http.p95)}${r.http.p95 >= TARGET_P95_MS ? ' ✗' : ''}`,
      ms(r.http.p99),
      ms(r.http.max),
      ms(r.serviceP50),
      r.naive ? (r.naive.p50 / 1000).toFixed(2) : '–',
      r.naive ? `${(r.naive.p50 / r.http.p50).toFixed(1)}×` : '–',
    ]),
  );
}

/** Execution time of each statement the dashboard ran, explained one after the other (the service runs four at once). */
function statementsTable(results: Result[]): string {
  const kinds = [
    ...new Set(results.flatMap((r) => (r.explained ?? []).map((s) => statementKind(s.sql).replace(/ \((rollups|facts)\)$/, '')))),
  ];
  return markdownTable(
    ['Query', ...kinds, 'sum'],
    results.map((r) => {
      const byKind = new Map<string, number>();
      for (const s of r.explained ?? []) {
        const k = statementKind(s.sql).replace(/ \((rollups|facts)\)$/, '');
        byKind.set(k, (byKind.get(k) ?? 0) + s.plan.executionMs);
      }
      return [
        r.name,
        ...kinds.map((k) => (byKind.has(k) ? ms(byKind.get(k) as number) : '–')),
        ms([...byKind.values()].reduce((a, b) => a + b, 0)),
      ];
    }),
  );
}

function loadTable(summary: AwardLoadSummary): string {
  return markdownTable(
    ['Year', 'Processes', 'awarded', 'void', 'undecided', 'Decided lots', 'awarded', 'void'],
    summary.years.map((y) => [
      String(y.year),
      count(y.processes),
      count(y.awardedProcesses),
      count(y.voidProcesses),
      count(y.undecided),
      count(y.lots),
      count(y.awardedLots),
      count(y.voidLots),
    ]),
  );
}

async function distributions(db: DataSource, year: number): Promise<string[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const share = (n: unknown, d: unknown) => `${((100 * Number(n)) / Number(d)).toFixed(1)} %`;
  const [t] = await db.query(
    `SELECT sum(lots)::text AS lots, sum(awarded_lots)::text AS awarded, sum(awarded_value_cop)::text AS value, sum(processes)::text AS processes,
            sum(processes) FILTER (WHERE modality = 'contratacion_directa')::text AS direct,
            sum(lots) FILTER (WHERE productive_bet = '')::text AS no_bet,
            sum(micro_value_cop)::text AS micro, sum(pequena_value_cop)::text AS pequena, sum(mediana_value_cop)::text AS mediana,
            sum(local_value_cop)::text AS local, sum(national_value_cop)::text AS national, sum(bids)::text AS bids,
            sum(single_bidder_processes)::text AS single, sum(reserved_lots)::text AS reserved
       FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2`,
    [from, to],
  );
  const modalities: { modality: string; processes: string; value: string }[] = await db.query(
    `SELECT modality, sum(processes)::text AS processes, sum(awarded_value_cop)::text AS value FROM report_rollups
      WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY modality ORDER BY sum(processes) DESC`,
    [from, to],
  );
  const departments: { department: string; lots: string }[] = await db.query(
    `SELECT department, sum(lots)::text AS lots FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY department ORDER BY sum(lots) DESC LIMIT 5`,
    [from, to],
  );
  const segments: { segment: string; lots: string }[] = await db.query(
    `SELECT segment, sum(lots)::text AS lots FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY segment ORDER BY sum(lots) DESC LIMIT 5`,
    [from, to],
  );
  const [buyers] = await db.query(
    `SELECT count(*)::int AS n, max(lots)::text AS max, percentile_disc(0.5) WITHIN GROUP (ORDER BY lots)::text AS median
       FROM (SELECT buyer_organization_id, sum(lots) AS lots FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY 1) b`,
    [from, to],
  );
  const bidsPerLot: { n: number; lots: string }[] = await db.query(
    `SELECT least(bids, 6)::int AS n, count(*)::text AS lots FROM report_lot_facts WHERE decided_on BETWEEN $1 AND $2 AND awarded_lots = 1
      GROUP BY 1 ORDER BY 1`,
    [from, to],
  );
  const months: { m: string; lots: string }[] = await db.query(
    `SELECT to_char(month, 'MM') AS m, sum(lots)::text AS lots FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY month ORDER BY month`,
    [from, to],
  );
  const [suppliers] = await db.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE size_class = 'micro')::int AS micro, count(*) FILTER (WHERE size_class = 'pequena')::int AS pequena,
            count(*) FILTER (WHERE domicile_department = '11')::int AS bogota FROM supplier_profiles WHERE size_class IS NOT NULL`,
  );
  const [winners] = await db.query(
    `SELECT count(DISTINCT supplier_organization_id)::int AS n FROM report_supplier_years
      WHERE year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date) AND awarded_months <> 0`,
    [from, to],
  );
  return [
    `${year}: ${count(Number(t.processes))} processes, ${count(Number(t.lots))} decided lots, ${count(Number(t.awarded))} awarded, COP ${(Number(t.value) / 1e12).toFixed(1)} billion (10¹²) awarded.`,
    `Modalities (share of processes / of awarded value): ${modalities.map((m) => `${m.modality} ${share(m.processes, t.processes)} / ${share(m.value, t.value)}`).join(', ')}.`,
    `Contratación directa: ${share(t.direct, t.processes)} of processes. No productive bet: ${share(t.no_bet, t.lots)} of lots. Reserved lots: ${share(t.reserved, t.lots)}.`,
    `Departments of execution with most lots: ${departments.map((d) => `${d.department} ${share(d.lots, t.lots)}`).join(', ')}.`,
    `Segments with most lots: ${segments.map((s) => `${s.segment} ${share(s.lots, t.lots)}`).join(', ')}.`,
    `Buyers with decided lots: ${count(buyers.n)} (median ${count(Number(buyers.median))} lots, largest ${count(Number(buyers.max))}).`,
    `Lots by month: ${months.map((m) => `${m.m} ${share(m.lots, t.lots)}`).join(', ')}.`,
    `Awarded value by size: micro ${share(t.micro, t.value)}, pequeña ${share(t.pequena, t.value)}, mediana ${share(t.mediana, t.value)}; won by a supplier domiciled in the department of execution ${share(t.local, t.value)}; national offers ${share(t.national, t.value)}.`,
    `Bids per awarded lot: ${bidsPerLot.map((b) => `${b.n}${b.n === 6 ? '+' : ''}: ${share(b.lots, t.awarded)}`).join(', ')} (${(Number(t.bids) / Number(t.lots)).toFixed(2)} per decided lot); single-bidder processes ${share(t.single, t.processes)}.`,
    `Suppliers with a size class: ${count(suppliers.n)} (micro ${share(suppliers.micro, suppliers.n)}, pequeña ${share(suppliers.pequena, suppliers.n)}, Bogotá ${share(suppliers.bogota, suppliers.n)}); ${count(winners.n)} won something in ${year}.`,
  ];
}

async function sizes(db: DataSource): Promise<string> {
  const rows: { table: string; rows: string; heap: string; indexes: string; total: string }[] = await db.query(
    `SELECT c.relname AS table, c.reltuples::bigint::text AS rows, pg_size_pretty(pg_relation_size(c.oid)) AS heap,
            pg_size_pretty(pg_indexes_size(c.oid)) AS indexes, pg_size_pretty(pg_total_relation_size(c.oid)) AS total
       FROM pg_class c
      WHERE c.relname IN ('report_lot_facts', 'report_rollups', 'report_supplier_years', 'tenders', 'tender_lots', 'bids', 'awards',
                          'tender_matches', 'supplier_profiles', 'organizations')
      ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  const exact: { table: string; n: number }[] = await db.query(
    `SELECT 'report_lot_facts' AS table, count(*)::int AS n FROM report_lot_facts UNION ALL SELECT 'report_rollups', count(*)::int FROM report_rollups
     UNION ALL SELECT 'report_supplier_years', count(*)::int FROM report_supplier_years`,
  );
  return markdownTable(
    ['Table', 'Rows', 'Heap', 'Indexes', 'Total'],
    rows.map((r) => [r.table, count(exact.find((e) => e.table === r.table)?.n ?? Number(r.rows)), r.heap, r.indexes, r.total]),
  );
}

async function main(): Promise<void> {
  const adminUrl = adminUrlOrExit();
  const awards = envInt('BENCH_AWARDS', 1_000_000);
  const suppliers = envInt('BENCH_SUPPLIERS', 150_000);
  const previousPercent = envInt('BENCH_PREVIOUS_PERCENT', 40, 0);
  const year = envInt('BENCH_YEAR', 2025);
  const runs = envInt('BENCH_RUNS', 30);
  const warmup = envInt('BENCH_WARMUP', 5, 0);
  const naiveRuns = envInt('BENCH_NAIVE_RUNS', 3, 0);

  const logger = new TimingLogger('manual');
  const { db, url, close } = await createBenchDatabase(adminUrl, BENCH_DB, logger);
  const config = benchServerConfig(url);
  let api: NestExpressApplication | undefined;
  const pg = new Client({ connectionString: url });
  try {
    console.log(
      `Loading ${count(awards)} awarded lots in ${year} (and ${previousPercent} % of that in ${year - 1}), ${count(suppliers)} suppliers…`,
    );
    const loadBefore = load();
    const runner = db.createQueryRunner();
    const loaded = await loadSyntheticAwards(runner, { awards, previousPercent, suppliers, year }, CRITERIA).finally(() =>
      runner.release(),
    );
    const loadLine =
      `Load (set-based SQL, synthetic-awards.ts): ${loaded.seconds.toFixed(1)} s — ${count(loaded.suppliers)} suppliers with a size class, ` +
      `${count(loaded.buyers)} buyers, ${count(loaded.tenders)} tenders, ${count(loaded.lots)} lots, ${count(loaded.bids)} bids, ` +
      `${count(loaded.awards)} awards, ${count(loaded.matches)} matches; load average before ${loadBefore}, after ${load()}`;
    console.log(loadLine);

    // The full rebuild (backfill): the real refreshReportFacts for every decided tender, in one transaction.
    console.log('Rebuilding the report aggregates (refreshReportFacts(em, null))…');
    const rebuildBefore = load();
    logger.sent = [];
    const rebuildStart = performance.now();
    await db.transaction((em) => refreshReportFacts(em, null));
    const rebuildEnd = performance.now();
    const sent = logger.sent.filter((s) => !s.sql.startsWith('SET '));
    logger.sent = null;
    const rebuildSteps: { step: string; ms: number }[] = [];
    for (let k = 0; k < sent.length; k++) {
      const s = sent[k];
      if (s.sql === 'START TRANSACTION' || s.sql === 'COMMIT') continue;
      const end = sent[k + 1]?.at ?? rebuildEnd;
      const name = rebuildKind(s.sql);
      const last = rebuildSteps.at(-1);
      if (last && last.step === name) last.ms += end - s.at;
      else rebuildSteps.push({ step: name, ms: end - s.at });
    }
    const rebuildS = (rebuildEnd - rebuildStart) / 1000;
    const vacuum = performance.now();
    for (const t of ['report_lot_facts', 'report_rollups', 'report_supplier_years']) await db.query(`VACUUM ANALYZE ${t}`);
    const vacuumS = (performance.now() - vacuum) / 1000;
    const rebuildLine =
      `Full rebuild (refreshReportFacts(em, null), one transaction): ${rebuildS.toFixed(1)} s — ` +
      `${rebuildSteps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}` +
      `; then VACUUM ANALYZE of the three tables ${vacuumS.toFixed(1)} s; ` +
      `load average before ${rebuildBefore}, after ${load()}`;
    console.log(rebuildLine);
    // What the worker does for one decided tender (ReportFactsConsumer): the same function for one id, on the full tables.
    const sample: { id: string }[] = await db.query(
      `SELECT id FROM tenders WHERE status IN ('awarded', 'void') ORDER BY md5(id::text) LIMIT ${INCREMENTAL_RUNS}`,
    );
    const incremental: number[] = [];
    for (const { id } of sample) {
      const t0 = performance.now();
      await db.transaction((em) => refreshReportFacts(em, [id]));
      incremental.push(performance.now() - t0);
    }
    incremental.sort((a, b) => a - b);
    const incrementalLine =
      `One decided tender (refreshReportFacts(em, [id]), what the worker runs per tender.awarded / tender.voided), ` +
      `${incremental.length} tenders: p50 ${ms(percentile(incremental, 0.5))} ms, p95 ${ms(percentile(incremental, 0.95))} ms, max ${ms(incremental[incremental.length - 1])} ms`;
    console.log(incrementalLine);
    const sizeTable = await sizes(db);
    console.log(`\n${sizeTable}\n`);
    const distribution = await distributions(db, year);
    for (const line of distribution) console.log(line);

    // The shapes: the largest buyer and the segment with most lots of the year, as the data has them.
    const [largest] = await db.query(
      `SELECT c.buyer_organization_id AS id, o.name, sum(c.lots)::int AS lots FROM report_rollups c JOIN organizations o ON o.id = c.buyer_organization_id
        WHERE c.dims = 31 AND c.month BETWEEN $1 AND $2 GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    const [segment] = await db.query(
      `SELECT segment FROM report_rollups WHERE dims = 31 AND month BETWEEN $1 AND $2 GROUP BY 1 ORDER BY sum(lots) DESC LIMIT 1`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    const wholeYear = { from: `${year}-01-01`, to: `${year}-12-31` };
    const partial = { from: `${year}-03-15`, to: `${year}-09-14` };
    const shapes: Shape[] = [
      { name: 'year, no filter', query: wholeYear, facts: false },
      { name: 'year, department 11 (Bogotá)', query: { ...wholeYear, department: '11' }, facts: false },
      { name: 'year, department 05 (Antioquia)', query: { ...wholeYear, department: '05' }, facts: false },
      {
        name: 'year, department 05 + agroindustry',
        query: { ...wholeYear, department: '05', productiveBet: 'agroindustry' },
        facts: false,
      },
      { name: 'year, modality contratación directa', query: { ...wholeYear, modality: 'contratacion_directa' }, facts: false },
      { name: `year, segment ${segment.segment}`, query: { ...wholeYear, segment: segment.segment }, facts: false },
      { name: `year, buyer ${largest.name}`, query: { ...wholeYear, buyerOrganizationId: largest.id }, facts: false },
      { name: 'quarter (April–June), no filter', query: { from: `${year}-04-01`, to: `${year}-06-30` }, facts: false },
      { name: '15 March – 14 September, no filter', query: partial, facts: true },
      { name: '15 March – 14 September, department 05', query: { ...partial, department: '05' }, facts: true },
    ];

    api = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
    configureApp(api, config);
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as AddressInfo).port;
    const officer = await signIn(port, 0, await createAccount(api, 'oversight', 'officer'));
    const get = async (query: ReportQuery): Promise<ReportDashboard> => {
      const reply = await send(port, officer.agent, 'GET', `/api/v1/reports/dashboard?${params(query)}`, { cookie: officer.cookie });
      if (reply.status !== 200) throw new Error(`GET dashboard?${params(query)}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as ReportDashboard;
    };
    const service = new ReportsService(db);

    const loads = [`before: ${load()}`];
    const results: Result[] = [];
    for (const shape of shapes) {
      const samples = await time(() => get(shape.query), warmup, runs);
      const dashboard = await get(shape.query);
      const serviceSamples = await time(() => service.dashboard(shape.query, 'es-CO'), 1, SERVICE_RUNS);
      logger.start();
      await service.dashboard(shape.query, 'es-CO');
      const statements = logger.stop();
      const c = sourceCount(shape);
      const [{ n }] = await db.query(c.sql, c.params);
      const r: Result = {
        ...shape,
        http: latency(samples),
        serviceP50: percentile(serviceSamples, 0.5),
        rowsRead: n,
        dashboard,
        statements,
      };
      results.push(r);
      console.log(
        `  ${shape.name.padEnd(50)} ${count(n).padStart(9)} rows  p50 ${ms(r.http.p50)}  p95 ${ms(r.http.p95)}  p99 ${ms(r.http.p99)}  max ${ms(r.http.max)} ms`,
      );
    }
    loads.push(`after the dashboard requests: ${load()}`);

    // The naive baseline, on a connection of its own with the server's settings, checked against the dashboard.
    await pg.connect();
    let naiveFailures = 0;
    if (naiveRuns > 0)
      for (const r of results) {
        const statement = naiveStatement(r.query);
        const samples = await time(() => pg.query(statement.sql, statement.params), 1, naiveRuns);
        const { rows } = await pg.query(statement.sql, statement.params);
        const totals = rows.find((x: { total: boolean }) => x.total) as Record<string, string>;
        const segments = new Map<string, string>(
          rows.filter((x: { total: boolean }) => !x.total).map((x: Record<string, string>) => [x['segment'], x['awardedValueCop']]),
        );
        r.naive = { p50: percentile(samples, 0.5), max: samples[samples.length - 1], totals, segments };
        const got = r.dashboard.current.totals;
        r.checks = NAIVE_MEASURES.filter((m) => !(m === 'processes' && r.query.segment)).flatMap((m) =>
          String(got[m]) === String(totals[m]) ? [] : [`${m}: dashboard ${got[m]}, naive ${totals[m]}`],
        );
        const segmentRows = r.dashboard.breakdowns.segment;
        const wrongSegments = segmentRows.filter((s) => segments.get(s.key) !== s.totals.awardedValueCop).length;
        if (wrongSegments || segmentRows.length !== segments.size)
          r.checks.push(`segment breakdown: ${wrongSegments} of ${segmentRows.length} rows differ (naive has ${segments.size})`);
        naiveFailures += r.checks.length;
        console.log(
          `  naive ${r.name.padEnd(44)} p50 ${(r.naive.p50 / 1000).toFixed(2)} s = ${(r.naive.p50 / r.http.p50).toFixed(1)}× the dashboard's p50; ` +
            `${r.checks.length ? `MISMATCH ${r.checks.join('; ')}` : 'same figures'}`,
        );
      }
    loads.push(`after the naive baseline: ${load()}`);

    // Every statement of the dashboard, explained one after the other with the server's settings (JIT included).
    for (const r of results) r.explained = await explain(db, r.statements);
    const naivePlan = await explain(db, [naiveStatement(results[0].query)]);

    const env = await machine(db);
    const header = `${env}\nLoad average (1/5/15 min) ${loads.join('; ')}\n${loadLine}\n${rebuildLine}\n${incrementalLine}`;
    const within = results.filter((r) => !r.facts);
    const missed = within.filter((r) => r.http.p95 >= TARGET_P95_MS);
    const factsMissed = results.filter((r) => r.facts && r.http.p95 >= TARGET_P95_MS);
    const verdict =
      `Whole-month periods (the rollups): ${within.length - missed.length} of ${within.length} query shapes have p95 under ${TARGET_P95_MS} ms` +
      `${missed.length ? ` (✗: ${missed.map((r) => r.name).join('; ')})` : ''}. ` +
      `Periods that are not whole months (the lot facts): ${results.filter((r) => r.facts).length - factsMissed.length} of ${results.filter((r) => r.facts).length} under ${TARGET_P95_MS} ms.`;
    const checkLine =
      naiveRuns === 0
        ? 'Naive baseline not run (BENCH_NAIVE_RUNS=0).'
        : naiveFailures === 0
          ? `Checks: for every query the naive GROUP BY gives the dashboard's figures (${NAIVE_MEASURES.length} headline measures and the awarded value of every segment row).`
          : `CHECKS FAILED: ${results.flatMap((r) => (r.checks ?? []).map((c) => `${r.name}: ${c}`)).join('; ')}`;
    const table = resultsTable(results);
    const perStatement = statementsTable(results);
    console.log(`\n${header}\n\n${table}\n\n${verdict}\n${checkLine}\n\n${perStatement}\n`);
    printPlans(
      results.map((r) => ({ name: r.name, explained: r.explained })),
      statementKind,
    );
    const reportPath = process.env['BENCH_REPORT'];
    if (reportPath) {
      const when =
        `${new Date().toISOString()}: ${count(awards)} awarded lots in ${year}, ${previousPercent} % of that in ${year - 1}, ` +
        `${count(suppliers)} suppliers; ${runs} timed requests after ${warmup} warm-ups per query, naive baseline ${naiveRuns} runs after 1 warm-up.`;
      const planned = new Set([shapes[0].name, shapes[6].name, shapes[8].name]);
      writeFileSync(
        reportPath,
        [
          '# Report dashboard benchmark',
          '',
          when,
          '',
          '```text',
          header,
          '```',
          '',
          '## Data',
          '',
          loadTable(loaded),
          '',
          ...distribution.map((l) => `- ${l}`),
          '',
          'Load steps: ' + loaded.steps.map((s) => `${s.step} ${s.seconds.toFixed(1)} s`).join('; ') + '.',
          '',
          '## Sizes after the rebuild',
          '',
          sizeTable,
          '',
          '## Dashboard over HTTP',
          '',
          '`GET /api/v1/reports/dashboard` through HTTP as a signed-in officer, one request at a time; "service p50" is ' +
            '`ReportsService.dashboard()` called in-process. "Rows read" are the rows of the rollup set holding the filters (whole months) or of the lot ' +
            'facts (other periods) that the period and filters select. "naive" is the GROUP BY over the base tables below, run through pg.',
          '',
          table,
          '',
          `**${verdict}**`,
          '',
          checkLine,
          '',
          '## Where a request spends its time',
          '',
          'Execution time (ms) of each statement `dashboard()` runs, under `EXPLAIN (ANALYZE, BUFFERS)` one after the other; the service ' +
            'runs the breakdowns, the previous period, the two funnel statements and `updatedAt` at once on the pool, then the labels.',
          '',
          perStatement,
          '',
          '## Naive baseline',
          '',
          'The decided lots of the period joined to their award, bid and supplier profile, for 12 of the 25 headline measures (those the ' +
            'award side gives: no bid counts, no process-level measures but the count of processes) and the segment breakdown:',
          '',
          '```sql',
          naiveStatement(results[0].query).sql,
          '```',
          '',
          plansMarkdown([{ name: `Naive baseline, ${results[0].name}`, explained: naivePlan }], () => 'naive GROUP BY'),
          '',
          '## Plans of the dashboard',
          '',
          'Every statement of three shapes: the whole year, the largest buyer and a period that is not whole months.',
          '',
          plansMarkdown(
            results.filter((r) => planned.has(r.name)),
            statementKind,
          ),
        ].join('\n'),
      );
      console.log(`Report written to ${reportPath}`);
    }
    if (naiveFailures > 0) process.exitCode = 1;
  } finally {
    await pg.end().catch(() => undefined);
    if (api) await api.close().catch(() => undefined);
    await obliterateQueues(config).catch(() => undefined);
    await close();
  }
}

main().catch((e: Error) => {
  console.error(`Benchmark failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
