/**
 * Benchmark of sealed-bid submission in a closing rush (issue 7): many suppliers submit to one tender within
 * a minute, over HTTP, some of them twice at once (a double click).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --expose-gc -r ./bench/register.cjs bench/bid-submit.bench.ts
 *
 * Creates the database `eslabon_bench_bids` (dropped first if left over, dropped again at the end unless
 * BENCH_KEEP=1) with the real migrations and reference data, starts the real API (AppModule) on a free local
 * port, and through it: a buyer_admin creates a mínima cuantía tender (backend/src/testing/tenders.ts), opened on
 * its date; BENCH_SUPPLIERS (500) active supplier organizations with one supplier_admin each sign in (in tens:
 * parallel sign-ins from one address count as failed guesses until they succeed). Then each supplier sends
 * `PUT /api/v1/tenders/:id/bid` for the second lot (not reserved, COP 80 000 000) at a random instant of a
 * BENCH_WINDOW_S (60) second window, with its own keep-alive agent and Idempotency-Key; BENCH_DOUBLE_PERCENT
 * (10) % of them send the same request twice at once, and both answers must be the same receipt. A 409
 * `bid_in_progress` is retried with the same key after RETRY_DELAY_MS. The instants and the doubles come from
 * a PRNG seeded with BENCH_SEED (1), so runs are comparable. Target: p99 < 300 ms, and no bid lost or doubled
 * (checked in `bids`, the receipts, `audit_log` and `outbox`); the exit code is 1 when a check fails.
 * BENCH_REPORT=path also writes the results as Markdown; REDIS_URL (redis://127.0.0.1:6379) for the API's
 * queues. See bench/README.md.
 */
import 'reflect-metadata';
import { type BidInput, type BidReceipt, NO_CLAIMS, type TenderView } from '@eslabon/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AppModule } from '../backend/src/app.module';
import { AuditService } from '../backend/src/core/audit/audit.service';
import { configureApp } from '../backend/src/core/http/configure-app';
import { createAccount, signedIn } from '../backend/src/testing/accounts';
import { openOnItsDate, tenderInput } from '../backend/src/testing/tenders';
import {
  adminUrlOrExit,
  benchServerConfig,
  count,
  createBenchDatabase,
  envInt,
  load,
  machine,
  markdownTable,
  ms,
  obliterateQueues,
  percentile,
  seconds,
} from './bench-kit';
import { type Supplier, TransportError, prng, send, signIn } from './bench-http';

const BENCH_DB = 'eslabon_bench_bids';
/** Issue 7: p99 of a submission under this, with zero lost or duplicated bids. */
const TARGET_P99_MS = 300;
/** Sign-ins (and account creations) at a time: the per-address throttle allows 30 unfinished attempts. */
const SIGN_IN_BATCH = 10;
const RETRY_DELAY_MS = 100;
const MAX_RETRIES = 20;
/** The window is reported in this many equal slices. */
const SLICES = 6;

/** One request as sent: `at` is ms after the window opened, `ms` its latency. */
interface Sample {
  supplier: number;
  /** first: a copy's first request; retry: after a 409 bid_in_progress; replay: after a kept-alive connection reset. */
  kind: 'first' | 'retry' | 'replay';
  double: boolean;
  at: number;
  ms: number;
  /** 0 when no answer came (`error` says why). */
  status: number;
  reused: boolean;
  error?: string;
}

/** One copy of a supplier's submission, from its first request to the receipt (or the error). */
interface Outcome {
  supplier: number;
  copy: number;
  receipt?: BidReceipt;
  error?: string;
  ms: number;
  retries: number;
}

interface Plan {
  supplier: Supplier;
  at: number;
  double: boolean;
  key: string;
  body: BidInput;
}

interface Check {
  name: string;
  expected: string;
  got: string;
  ok: boolean;
}

const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));
const sortedMs = (samples: { ms: number }[]) => samples.map((s) => s.ms).sort((a, b) => a - b);

/** Who submits when, and who double-clicks: exactly `doubles` suppliers, drawn by a seeded shuffle. */
function plan(suppliers: Supplier[], tenderLotId: string, windowMs: number, doublePercent: number, seed: number): Plan[] {
  const random = prng(seed);
  const at = suppliers.map(() => random() * windowMs);
  const order = suppliers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const doubles = new Set(order.slice(0, Math.round((suppliers.length * doublePercent) / 100)));
  return suppliers.map((supplier, i) => ({
    supplier,
    at: at[i],
    double: doubles.has(i),
    key: `bench-bid-${seed}-${String(i).padStart(5, '0')}`,
    body: {
      lots: [
        {
          lotId: tenderLotId,
          priceCop: String(60_000_000 + (i % 20_000) * 1_000),
          nationalIndustry: 'national_goods',
          nationalComponentPercent: null,
        },
      ],
      claims: NO_CLAIMS,
      plural: null,
    },
  }));
}

function latencyRow(name: string, samples: { ms: number }[]): string[] {
  const sorted = sortedMs(samples);
  if (sorted.length === 0) return [name, '0', '–', '–', '–', '–'];
  const p99 = percentile(sorted, 0.99);
  return [
    name,
    count(sorted.length),
    ms(percentile(sorted, 0.5)),
    ms(percentile(sorted, 0.95)),
    `${ms(p99)}${p99 >= TARGET_P99_MS ? ' ✗' : ''}`,
    ms(sorted[sorted.length - 1]),
  ];
}

const LATENCY_HEADER = ['Requests', 'Count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];

async function main(): Promise<void> {
  const adminUrl = adminUrlOrExit();
  const n = envInt('BENCH_SUPPLIERS', 500);
  const windowS = envInt('BENCH_WINDOW_S', 60);
  const doublePercent = envInt('BENCH_DOUBLE_PERCENT', 10, 0);
  const seed = envInt('BENCH_SEED', 1, 0);
  const { db, url, close } = await createBenchDatabase(adminUrl, BENCH_DB);
  const config = benchServerConfig(url);
  let api: NestExpressApplication | undefined;
  const suppliers: Supplier[] = [];
  try {
    api = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
    configureApp(api, config);
    await api.listen(0, '127.0.0.1');
    const app = api;
    const port = (app.getHttpServer().address() as AddressInfo).port;

    // The tender, through the API as a buyer makes it, opened on its date as the clock would.
    const buyer = await createAccount(app, 'state_entity', 'buyer_admin');
    const asBuyer = await signedIn(app, buyer);
    const draft: TenderView = (
      await asBuyer.post(`/api/v1/buyers/${buyer.organizationId}/tenders`, await tenderInput(app, 'minima_cuantia')).expect(201)
    ).body;
    const tender = await openOnItsDate(app, draft, buyer);
    const lot = tender.lots[1];
    if (tender.status !== 'open' || lot.reservedForMipymes || lot.estimatedValueCop !== '80000000')
      throw new Error(`Unexpected tender: ${tender.status}, lot 2 reserved ${lot.reservedForMipymes}, COP ${lot.estimatedValueCop}`);

    const setup = await seconds(async () => {
      for (let i = 0; i < n; i += SIGN_IN_BATCH) {
        const batch = Array.from({ length: Math.min(SIGN_IN_BATCH, n - i) }, (_, j) => i + j);
        suppliers.push(
          ...(await Promise.all(batch.map(async (index) => signIn(port, index, await createAccount(app, 'supplier', 'supplier_admin'))))),
        );
      }
    });
    const setupLine = `Setup: tender ${tender.reference} open until ${tender.closingAt}; ${count(n)} supplier admins created and signed in (in tens) in ${setup.seconds.toFixed(1)} s`;
    console.log(setupLine);

    const plans = plan(suppliers, lot.id, windowS * 1000, doublePercent, seed);
    const samples: Sample[] = [];
    let inFlight = 0;
    let peakInFlight = 0;
    let lastEnd = 0;
    const lateness: number[] = [];
    const path = `/api/v1/tenders/${tender.id}/bid`;
    const submit = async (p: Plan, copy: number, t0: number): Promise<Outcome> => {
      const started = performance.now();
      const headers = { cookie: p.supplier.cookie, 'x-xsrf-token': p.supplier.csrf, 'idempotency-key': p.key };
      let retries = 0;
      let kind: Sample['kind'] = 'first';
      for (;;) {
        const sent = performance.now();
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        const reply = await send(port, p.supplier.agent, 'PUT', path, headers, p.body).catch((e: TransportError) => e);
        inFlight--;
        lastEnd = performance.now();
        const sample = { supplier: p.supplier.index, kind, double: p.double, at: sent - t0, ms: lastEnd - sent };
        const done = { supplier: p.supplier.index, copy, ms: lastEnd - started, retries };
        if (reply instanceof TransportError) {
          samples.push({ ...sample, status: 0, reused: reply.reused, error: reply.message });
          // What a browser does when a kept-alive connection turns out closed before any answer: send again, once.
          if (reply.reused && kind !== 'replay') {
            kind = 'replay';
            continue;
          }
          return { ...done, error: `no answer: ${reply.message}` };
        }
        samples.push({ ...sample, status: reply.status, reused: reply.reused });
        if (reply.status === 200) return { ...done, receipt: reply.body as BidReceipt };
        const code = (reply.body as { code?: string } | null)?.code;
        if (reply.status !== 409 || code !== 'bid_in_progress' || retries >= MAX_RETRIES)
          return { ...done, error: `${reply.status} ${code ?? JSON.stringify(reply.body)}` };
        retries++;
        kind = 'retry';
        await sleep(RETRY_DELAY_MS);
      }
    };

    (globalThis as { gc?: () => void }).gc?.();
    const loads = [`before: ${load()}`];
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    console.log(
      `Submitting: ${count(n)} suppliers over ${windowS} s, ${count(plans.filter((p) => p.double).length)} of them twice at once…`,
    );
    const t0 = performance.now();
    const outcomes = (
      await Promise.all(
        plans.map(
          (p) =>
            new Promise<Outcome[]>((resolve) =>
              setTimeout(() => {
                lateness.push(performance.now() - t0 - p.at);
                void Promise.all(Array.from({ length: p.double ? 2 : 1 }, (_, copy) => submit(p, copy, t0))).then(resolve);
              }, p.at),
            ),
        ),
      )
    ).flat();
    const spanS = (lastEnd - t0) / 1000;
    loop.disable();
    loads.push(`after: ${load()}`);
    for (const s of suppliers) s.agent.destroy();

    // Correctness: the answers, then what the database kept.
    const bySupplier = new Map<number, Outcome[]>();
    for (const o of outcomes) bySupplier.set(o.supplier, [...(bySupplier.get(o.supplier) ?? []), o]);
    const receipts = outcomes.flatMap((o) => (o.receipt ? [o.receipt] : []));
    const errors = outcomes.filter((o) => o.error);
    const withReceipt = [...bySupplier.values()].filter((os) => os.some((o) => o.receipt)).length;
    const doublesDiffering = [...bySupplier.values()].filter(
      (os) => os.length === 2 && (!os[0].receipt || JSON.stringify(os[0].receipt) !== JSON.stringify(os[1].receipt)),
    ).length;
    const rows: { id: string; supplier_organization_id: string; version: number; idempotency_key: string; status: string }[] =
      await db.query(`SELECT id, supplier_organization_id, version, idempotency_key, status FROM bids WHERE tender_id = $1`, [tender.id]);
    const rowById = new Map(rows.map((r) => [r.id, r]));
    const misfiled = outcomes.filter((o) => {
      const row = o.receipt && rowById.get(o.receipt.bidId);
      const p = plans[o.supplier];
      return o.receipt && (!row || row.supplier_organization_id !== p.supplier.account.organizationId || row.idempotency_key !== p.key);
    }).length;
    const bidIds = rows.map((r) => r.id);
    const [audit] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS bids,
              count(*) FILTER (WHERE entity_id = ANY($1::text[]))::int AS ours
         FROM audit_log WHERE action = 'bid.submitted' AND entity_type = 'bid'`,
      [bidIds],
    );
    const [outbox] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT payload->>'bidId')::int AS bids FROM outbox WHERE type = 'bid.submitted' AND payload->>'tenderId' = $1`,
      [tender.id],
    );
    const chain = await app.get(AuditService).verify();
    const nDoubles = plans.filter((p) => p.double).length;
    const check = (name: string, expected: number | string, got: number | string): Check => ({
      name,
      expected: typeof expected === 'number' ? count(expected) : expected,
      got: typeof got === 'number' ? count(got) : got,
      ok: expected === got,
    });
    const checks: Check[] = [
      check('suppliers with a receipt', n, withReceipt),
      check('requests that ended without a receipt', 0, errors.length),
      check('distinct bid ids in the receipts', n, new Set(receipts.map((r) => r.bidId)).size),
      check('receipts of version ≠ 1', 0, receipts.filter((r) => r.version !== 1 || r.status !== 'submitted').length),
      check('double clicks whose two receipts differ', 0, doublesDiffering),
      check('receipts not matching their supplier and key in `bids`', 0, misfiled),
      check('rows in `bids` for the tender', n, rows.length),
      check('distinct suppliers in `bids`', n, new Set(rows.map((r) => r.supplier_organization_id)).size),
      check('`bids` rows of version ≠ 1', 0, rows.filter((r) => r.version !== 1 || r.status !== 'submitted').length),
      check(
        "'bid.submitted' rows in `audit_log` (all / for these bids / distinct bids)",
        `${n} / ${n} / ${n}`,
        `${audit.n} / ${audit.ours} / ${audit.bids}`,
      ),
      check("'bid.submitted' events in `outbox` (all / distinct bids)", `${n} / ${n}`, `${outbox.n} / ${outbox.bids}`),
      check('audit chain (AuditService.verify)', 'intact', chain.ok ? 'intact' : `broken: ${JSON.stringify(chain)}`),
    ];
    const correct = checks.every((c) => c.ok);

    const first = samples.filter((s) => s.kind === 'first');
    const retries = samples.filter((s) => s.kind === 'retry');
    const replays = samples.filter((s) => s.kind === 'replay');
    const submissions = outcomes.filter((o) => o.receipt);
    const p99 = submissions.length ? percentile(sortedMs(submissions), 0.99) : Number.POSITIVE_INFINITY;
    const latency = markdownTable(LATENCY_HEADER, [
      latencyRow('first attempts, all', first),
      latencyRow(
        'first attempts, single submissions',
        first.filter((s) => !s.double),
      ),
      latencyRow(
        'first attempts, both copies of a double click',
        first.filter((s) => s.double),
      ),
      latencyRow('retries after 409 bid_in_progress', retries),
      latencyRow('replays after a kept-alive connection reset', replays),
      latencyRow('submission to receipt (with its retries)', submissions),
    ]);
    const sliceMs = (windowS * 1000) / SLICES;
    const slices = markdownTable(
      ['Sent at s', ...LATENCY_HEADER.slice(1)],
      Array.from({ length: SLICES }, (_, i) =>
        latencyRow(
          `${((i * sliceMs) / 1000).toFixed(sliceMs % 1000 ? 1 : 0)}–${(((i + 1) * sliceMs) / 1000).toFixed(sliceMs % 1000 ? 1 : 0)}`,
          samples.filter((s) => Math.min(SLICES - 1, Math.floor(s.at / sliceMs)) === i),
        ),
      ),
    );
    const perSecond = new Map<number, number>();
    for (const s of first) perSecond.set(Math.floor(s.at / 1000), (perSecond.get(Math.floor(s.at / 1000)) ?? 0) + 1);
    const sortedLate = [...lateness].sort((a, b) => a - b);
    const load1 =
      `${count(samples.length)} requests (${count(first.length)} first attempts, ${count(retries.length)} retries after 409, ${count(replays.length)} replays) ` +
      `in ${spanS.toFixed(1)} s = ${(samples.length / spanS).toFixed(1)} requests/s, ${(n / spanS).toFixed(1)} bids/s; ` +
      `busiest second ${Math.max(...perSecond.values())} first attempts; at most ${peakInFlight} requests in flight; ` +
      `${count(samples.filter((s) => s.reused).length)} sent on a kept-alive connection, the others on a new one`;
    const load2 =
      `Client and API share one Node process: event-loop delay p99 ${ms(loop.percentile(99) / 1e6)} ms, max ${ms(loop.max / 1e6)} ms; ` +
      `timers fired late by p99 ${ms(percentile(sortedLate, 0.99))} ms, max ${ms(sortedLate[sortedLate.length - 1])} ms`;
    const slowest = markdownTable(
      ['Sent at s', 'ms', 'Supplier', 'Double click', 'Request', 'Status'],
      [...samples]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((s) => [(s.at / 1000).toFixed(2), ms(s.ms), String(s.supplier), s.double ? 'yes' : 'no', s.kind, String(s.status)]),
    );
    const errorLines = [
      ...[...new Set(errors.map((e) => e.error))].map((e) => `- ${errors.filter((x) => x.error === e).length} × ${e}`),
      ...samples
        .filter((s) => s.error)
        .map(
          (s) => `- no answer (${s.kind}): supplier ${s.supplier}, sent at ${(s.at / 1000).toFixed(3)} s, after ${ms(s.ms)} ms: ${s.error}`,
        ),
    ];
    const verdict =
      `${p99 < TARGET_P99_MS ? 'Target met' : 'Target missed'}: p99 submission to receipt ${ms(p99)} ms (target < ${TARGET_P99_MS} ms); ` +
      (correct
        ? `no bid lost or duplicated (${count(n)} bids, ${count(nDoubles)} double clicks answered alike).`
        : 'BIDS LOST OR DUPLICATED (see ✗).');
    const correctness = markdownTable(
      ['Check', 'Expected', 'Got', ''],
      checks.map((c) => [c.name, c.expected, c.got, c.ok ? '✓' : '✗']),
    );
    const header = `${await machine(db)}\nLoad average (1/5/15 min) ${loads.join('; ')}`;
    const params =
      `${count(n)} suppliers, window ${windowS} s, ${doublePercent} % double clicks (${count(nDoubles)}), seed ${seed}; ` +
      `409 bid_in_progress retried after ${RETRY_DELAY_MS} ms with the same key`;
    console.log(
      `\n${header}\n${params}\n${setupLine}\n\n${latency}\n\n${load1}\n${load2}\n\n${slices}\n\n${correctness}\n${errorLines.join('\n')}\n\n${verdict}\n`,
    );
    const reportPath = process.env['BENCH_REPORT'];
    if (reportPath) {
      writeFileSync(
        reportPath,
        [
          `# Bid submission benchmark`,
          '',
          `${new Date().toISOString()}: ${params}.`,
          '',
          '```text',
          header,
          setupLine,
          '```',
          '',
          `\`PUT /api/v1/tenders/:id/bid\` over HTTP to the real API (AppModule) started by the bench; each supplier has its own ` +
            `keep-alive agent, session cookie, CSRF token and Idempotency-Key and sends at a seeded random instant of the window. ` +
            `"Submission to receipt" is one copy of a submission from its first request to its 200, retries included.`,
          '',
          latency,
          '',
          `${load1}.`,
          '',
          `${load2}.`,
          '',
          '## By time of sending',
          '',
          slices,
          '',
          '## Slowest requests',
          '',
          slowest,
          '',
          '## Correctness',
          '',
          correctness,
          '',
          ...(errorLines.length
            ? ['Submissions that ended without a receipt, and requests that got no answer:', '', ...errorLines, '']
            : []),
          `**${verdict}**`,
          '',
        ].join('\n'),
      );
      console.log(`Report written to ${reportPath}`);
    }
    if (!correct) process.exitCode = 1;
  } finally {
    for (const s of suppliers) s.agent.destroy();
    if (api) await api.close().catch(() => undefined);
    await obliterateQueues(config).catch(() => undefined);
    await close();
  }
}

main().catch((e: Error) => {
  console.error(`Benchmark failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
