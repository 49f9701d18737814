/**
 * Benchmark of the way from publishing a tender to the in-app notices of every supplier it matches.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./bench/register.cjs bench/publish-to-notified.bench.ts
 *
 * Creates the database `eslabon_bench_notify` (dropped first if left over, dropped again at the end unless
 * BENCH_KEEP=1) with the real migrations and reference data, BENCH_SUPPLIERS synthetic suppliers (default
 * 10 000, synthetic-suppliers.ts) that all offer class 432115 with national coverage, each with one member
 * whose address was never verified (no e-mail is queued), and a buyer. Then, twice, a buyer publishes a
 * computers tender (TenderLifecycleService, transition publish_draft) and the bench waits for the notices:
 *   1. in-process: TenderMatcher.match and NotificationFanOut.fanOut called one after the other, with a
 *      real BullMQ-backed QueueProducer (the jobs they enqueue are not run);
 *   2. the full worker path: the real WorkerModule relays the outbox event to the events queue, whose
 *      consumers index the tender and enqueue the matching job, which enqueues the fan-out job; the bench
 *      polls until every notice is stored.
 * Target: all notices within 10 s. BENCH_REPORT=path also writes the results and plans as Markdown;
 * REDIS_URL (redis://127.0.0.1:6379) for the queues. See bench/README.md.
 */
import 'reflect-metadata';
import type { ServerConfig } from '@eslabon/config';
import { addBusinessDays, defaultSchedule } from '@eslabon/domain';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, PinoLogger } from 'nestjs-pino';
import { writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../backend/src/core/audit/actor';
import { AuditService } from '../backend/src/core/audit/audit.service';
import { CoreModule } from '../backend/src/core/core.module';
import { OutboxService } from '../backend/src/core/outbox/outbox.service';
import { QueueProducer } from '../backend/src/core/queue/queue-producer';
import { QUEUE_NAMES } from '../backend/src/core/queue/queues';
import { bogotaToday } from '../backend/src/core/time/bogota';
import { lot } from '../backend/src/demo/demo-tender-seed';
import { demoTenderInput } from '../backend/src/demo/seed-demo-tenders';
import { TenderMatcher } from '../backend/src/modules/matching/matching.job';
import { NotificationFanOut } from '../backend/src/modules/notifications/notification-fan-out';
import { RuleParametersService } from '../backend/src/modules/rule-parameters/rule-parameters.service';
import { PostgresSearchEngine } from '../backend/src/modules/search/postgres-search.engine';
import { TenderLifecycleService } from '../backend/src/modules/tenders/tender-lifecycle.service';
import { TendersService } from '../backend/src/modules/tenders/tenders.service';
import { WorkerModule } from '../backend/src/worker.module';
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
  plansMarkdown,
  printPlans,
} from './bench-kit';
import { NO_PASSWORD_HASH, loadSupplierMembers, loadSyntheticSuppliers } from './synthetic-suppliers';

const BENCH_DB = 'eslabon_bench_notify';
/** Issue 6: every notice stored within this many seconds of publication. */
const TARGET_S = 10;
const MATCH_CLASS = '432115';
const WORKER_TIMEOUT_MS = 120_000;
const POLL_MS = 50;

interface PathResult {
  name: string;
  notices: number;
  /** Milliseconds after the publish_draft call started, step by step. */
  steps: [string, number][];
  totalMs: number;
}

/** The buyer's call: computers for rural schools, one lot of class 432115, nothing reserved, executed in Bogotá. */
async function tenderInput(db: DataSource, rules: RuleParametersService, title: string) {
  const rule = await rules.scheduleRule('licitacion_publica', db.manager);
  if (!rule) throw new Error('licitacion_publica has no schedule rule');
  return demoTenderInput(
    {
      buyer: 0,
      title,
      description: 'Computadores portátiles con garantía de tres años para 400 sedes educativas rurales.',
      modality: 'licitacion_publica',
      bet: 'territories',
      department: '11',
      municipality: '11001',
      status: 'published_draft',
      lots: [lot('Computadores portátiles', [MATCH_CLASS], 4_000, 'unidad', 9_600)],
    },
    defaultSchedule(addBusinessDays(bogotaToday(), 15), rule),
  );
}

async function createBuyer(db: DataSource): Promise<Actor> {
  const [org] =
    await db.query(`INSERT INTO organizations (kind, name, status) VALUES ('state_entity', 'Ministerio de Educación Nacional', 'active')
    RETURNING id`);
  const [user] = await db.query(
    `INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ('compras@mineducacion.example', 'Compras MEN', $1, now())
     RETURNING id`,
    [NO_PASSWORD_HASH],
  );
  await db.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'buyer_admin')`, [user.id, org.id]);
  return { userId: user.id, organizationId: org.id, requestId: null };
}

async function context(module: Parameters<typeof NestFactory.createApplicationContext>[0]): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}

const noticeCount = async (db: DataSource, tenderId: string): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE tender_id = $1`, [tenderId]))[0].n;

const statementKind = (sql: string) =>
  sql.includes('FROM supplier_unspsc_classes')
    ? 'candidates'
    : sql.startsWith('INSERT INTO tender_matches')
      ? 'matches insert'
      : sql.startsWith('DELETE FROM tender_matches')
        ? 'matches delete'
        : 'notices insert';

function table(paths: PathResult[]): string {
  return markdownTable(
    ['Path', 'Notices', 'Steps (ms after publish started)', 'Total s', 'Notices/s'],
    paths.map((p) => [
      p.name,
      count(p.notices),
      p.steps.map(([step, at]) => `${step} ${Math.round(at)}`).join(' → '),
      `${(p.totalMs / 1000).toFixed(2)}${p.totalMs > TARGET_S * 1000 ? ' ✗' : ''}`,
      count(Math.round(p.notices / (p.totalMs / 1000))),
    ]),
  );
}

async function main(): Promise<void> {
  const adminUrl = adminUrlOrExit();
  const n = envInt('BENCH_SUPPLIERS', 10_000);
  const logger = new CaptureLogger('manual');
  const { db, url, close } = await createBenchDatabase(adminUrl, BENCH_DB, logger);
  const configs: ServerConfig[] = [];
  const contexts: INestApplicationContext[] = [];
  try {
    const runner = db.createQueryRunner();
    try {
      const loaded = await loadSyntheticSuppliers(runner, n, { everyone: MATCH_CLASS });
      const members = await loadSupplierMembers(runner);
      console.log(
        `${count(loaded.registered)} suppliers offering ${MATCH_CLASS} nationwide, ${count(members)} members, in ${loaded.seconds.toFixed(1)} s`,
      );
    } finally {
      await runner.release();
    }
    // Built by hand as backend/src/demo/seed-demo-tenders.ts builds them: they need only the data source.
    const audit = new AuditService(db);
    const rules = new RuleParametersService(db, audit);
    const tenders = new TendersService(db, audit, rules);
    const lifecycle = new TenderLifecycleService(db, audit, new OutboxService(), rules, tenders);
    const buyer = await createBuyer(db);
    const draft = async (title: string) =>
      (await tenders.create(buyer.organizationId as string, await tenderInput(db, rules, title), buyer)).id;
    const loads = [`before: ${load()}`];
    const paths: PathResult[] = [];

    // 1. In-process: the real matcher and fan-out, with a QueueProducer on the real queues (CoreModule).
    configs.push(benchServerConfig(url));
    const queues = await context(CoreModule.forRoot(configs[0], 'worker'));
    contexts.push(queues);
    const producer = queues.get(QueueProducer);
    const matcher = new TenderMatcher(db, producer);
    const fanOut = new NotificationFanOut(db, new PostgresSearchEngine(db), producer, await queues.resolve(PinoLogger));
    const first = await draft('Adquisición de computadores portátiles para sedes educativas rurales');
    const t0 = performance.now();
    await lifecycle.transition(first, { transition: 'publish_draft' }, buyer);
    const published = performance.now() - t0;
    logger.start();
    const { matched } = await matcher.match(first, 1);
    const matchedAt = performance.now() - t0;
    const statements: Statement[] = [...logger.stop()];
    logger.start();
    const notices = await fanOut.fanOut(first, 1);
    const fannedAt = performance.now() - t0;
    statements.push(...logger.stop());
    if (matched !== n || notices.matches !== n || (await noticeCount(db, first)) !== n)
      throw new Error(`Expected ${n} matches and notices, got ${matched} matches and ${notices.matches} notices`);
    paths.push({
      name: 'in-process: match() then fanOut()',
      notices: notices.matches,
      steps: [
        ['published', published],
        ['matched', matchedAt],
        ['notices stored', fannedAt],
      ],
      totalMs: fannedAt,
    });
    console.log(`  in-process: publish ${ms(published)} ms, match ${ms(matchedAt - published)} ms, fan-out ${ms(fannedAt - matchedAt)} ms`);
    await queues.close();
    contexts.pop();
    // Its event is not for the worker below: that one publishes its own tender.
    await db.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);

    // 2. The whole way through the worker: outbox → events → matching → notifications.
    configs.push(benchServerConfig(url));
    const worker = await context(WorkerModule.forRoot(configs[1]));
    contexts.push(worker);
    const workerQueues = worker.get(QueueProducer);
    for (const name of QUEUE_NAMES) await workerQueues.queue(name).waitUntilReady();
    await new Promise((r) => setTimeout(r, 1_000));
    const second = await draft('Suministro de computadores de escritorio para bibliotecas públicas');
    const started = Date.now();
    const s0 = performance.now();
    await lifecycle.transition(second, { transition: 'publish_draft' }, buyer);
    const secondPublished = performance.now() - s0;
    let stored = 0;
    while ((stored = await noticeCount(db, second)) < n) {
      if (performance.now() - s0 > WORKER_TIMEOUT_MS) throw new Error(`Only ${stored} of ${n} notices after ${WORKER_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seen = performance.now() - s0;
    const [event] = await db.query(`SELECT id FROM outbox WHERE type = 'tender.published' AND payload->>'tenderId' = $1`, [second]);
    const jobs = {
      event: await workerQueues.queue('events').getJob(event.id),
      match: await workerQueues.queue('matching').getJob(`match-${second}-1`),
      fanOut: await workerQueues.queue('notifications').getJob(`fan-out-${second}-1`),
    };
    const at = (epochMs: number | undefined) => (epochMs ?? Number.NaN) - started;
    paths.push({
      name: 'worker: outbox → events → matching → notifications',
      notices: stored,
      steps: [
        ['published', secondPublished],
        ['event relayed', at(jobs.event?.timestamp)],
        ['event handled', at(jobs.event?.finishedOn)],
        ['matching started', at(jobs.match?.processedOn)],
        ['matched', at(jobs.match?.finishedOn)],
        ['fan-out started', at(jobs.fanOut?.processedOn)],
        ['notices stored', at(jobs.fanOut?.finishedOn)],
        ['seen by the poll', seen],
      ],
      totalMs: seen,
    });
    console.log(`  worker: all ${count(stored)} notices ${ms(seen)} ms after publishing started`);
    loads.push(`after: ${load()}`);
    await worker.close();
    contexts.pop();

    const emails: { email_status: string; n: number }[] = await db.query(
      `SELECT email_status, count(*)::int AS n FROM notifications GROUP BY 1 ORDER BY 1`,
    );
    const emailLine = `E-mail status of the notices: ${emails.map((e) => `${e.email_status} ${count(e.n)}`).join(', ')} (members' addresses unverified)`;
    // The heavy statements of the in-process run, explained in a transaction that is rolled back.
    const heavy = statements.filter((s) => /FROM supplier_unspsc_classes|tender_matches|INSERT INTO notifications/.test(s.sql));
    const explained: { name: string; explained?: ExplainedStatement[] }[] = [
      {
        name: 'match() and fanOut() of the in-process run',
        explained: await explain(db, heavy, { setup: [`DELETE FROM notifications WHERE tender_id = '${first}'`], rollback: true }),
      },
    ];

    const header = `${await machine(db)}\nLoad average (1/5/15 min) ${loads.join('; ')}`;
    const verdict = paths.every((p) => p.totalMs <= TARGET_S * 1000)
      ? `Both paths store all ${count(n)} notices within the ${TARGET_S} s target.`
      : `A path misses the ${TARGET_S} s target (✗).`;
    console.log(`\n${header}\n\n${table(paths)}\n\n${verdict}\n${emailLine}\n`);
    printPlans(explained, statementKind);
    const reportPath = process.env['BENCH_REPORT'];
    if (reportPath) {
      writeFileSync(
        reportPath,
        [
          `# Publish-to-notified benchmark`,
          '',
          `${new Date().toISOString()}, ${count(n)} matching suppliers with one member each, one run per path.`,
          '',
          '```text',
          header,
          '```',
          '',
          table(paths),
          '',
          verdict,
          emailLine,
          '',
          '## Plans',
          '',
          'The candidates query, the replacement of the stored matches and the notices insert, explained in a rolled-back transaction.',
          '',
          plansMarkdown(explained, statementKind),
        ].join('\n'),
      );
      console.log(`\nReport written to ${reportPath}`);
    }
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const c of configs) await obliterateQueues(c).catch(() => undefined);
    await close();
  }
}

main().catch((e: Error) => {
  console.error(`Benchmark failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
