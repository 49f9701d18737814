import type { QueryRunner } from 'typeorm';
import { loadSyntheticSuppliers, uuidOf } from './synthetic-suppliers';
import { createTenderHelperTables, insertBuyers } from './synthetic-tenders';
import { SEGMENT_WEIGHTS, type Weighted } from './synthetic-tender-values';

/**
 * A national year of decided procurement for the report dashboard (report-dashboard.bench.ts), written with
 * set-based SQL like the other generators, never through the services: the supplier registry
 * (synthetic-suppliers.ts) and the ~330 buyers of synthetic-tenders.ts, then a year of decided processes
 * (tenders, lots, bids, awards, matches) cut off where it reaches `awards` awarded lots (at most four
 * short), and the year before it at `previousPercent` % of that size. Seeded: the same sizes give the same
 * rows; the years are fixed, only the suppliers' registration dates are relative to the day of the run.
 */

/** Share of processes that are contratación directa (about two thirds of SECOP II contracts). */
const DIRECT_SHARE = 0.667;

/** The competitive modalities by share of competitive calls (MODALITY_SHARES of synthetic-tender-values.ts without contratación directa). */
const COMPETITIVE_MODALITIES: Weighted[] = [
  { value: 'minima_cuantia', weight: 38 },
  { value: 'seleccion_abreviada_menor_cuantia', weight: 18 },
  { value: 'seleccion_abreviada_subasta_inversa', weight: 10 },
  { value: 'licitacion_publica', weight: 9 },
  { value: 'concurso_de_meritos', weight: 8 },
  { value: 'regimen_especial', weight: 5 },
];

/**
 * Bidders per competitive process: 1 + ⌊6·r^skew⌋ (at most 6); a larger skew gives more single-bidder calls
 * (mínima cuantía ~33 %, subasta inversa ~17 %).
 */
const BIDDER_SKEW: Record<string, number> = {
  minima_cuantia: 1.6,
  seleccion_abreviada_menor_cuantia: 1.3,
  seleccion_abreviada_subasta_inversa: 1.0,
  licitacion_publica: 1.1,
  concurso_de_meritos: 1.4,
  regimen_especial: 2.2,
};

/** Decisions by month: direct contracts pile up in January and February (the year's service contracts), calls later. */
const MONTH_WEIGHTS = {
  direct: [20, 12, 8, 7, 7, 7, 6, 6, 6, 6, 6, 9],
  competitive: [3, 6, 8, 9, 9, 9, 9, 9, 9, 10, 10, 9],
};

/** Most direct contracts are personal and professional services (segment 80 and the like). */
const DIRECT_SEGMENTS: Weighted[] = [
  { value: '80', weight: 50 },
  { value: '93', weight: 15 },
  { value: '81', weight: 12 },
  { value: '86', weight: 8 },
  { value: '85', weight: 8 },
  { value: '77', weight: 7 },
];

/** Segments whose calls usually carry a productive bet (the others: territories and a little of each). */
const BET_SEGMENTS = {
  agroindustry: ['50', '10', '70', '21', '11'],
  health: ['42', '51', '85', '41'],
  energy_transition: ['26', '39', '83', '40', '15'],
};
const DEFENSE_BUYERS = [
  'Ministerio de Defensa Nacional',
  'Policía Nacional de Colombia',
  'Ejército Nacional de Colombia',
  'Armada de la República de Colombia',
  'Fuerza Aérea Colombiana',
  'Indumil – Industria Militar',
  'Corporación de Ciencia y Tecnología para la Industria Naval',
];

export interface AwardLoadOptions {
  /** Awarded lots decided in `year`. */
  awards: number;
  /** The year before, as a percentage of `awards`. */
  previousPercent: number;
  suppliers: number;
  year: number;
}

export interface AwardLoadSummary {
  suppliers: number;
  buyers: number;
  tenders: number;
  lots: number;
  bids: number;
  awards: number;
  matches: number;
  /** Per year: processes and lots by outcome. */
  years: {
    year: number;
    processes: number;
    awardedProcesses: number;
    voidProcesses: number;
    undecided: number;
    lots: number;
    awardedLots: number;
    voidLots: number;
  }[];
  steps: { step: string; seconds: number }[];
  seconds: number;
}

const slots = (entries: Weighted[]) => entries.flatMap((e) => Array<string>(e.weight).fill(e.value));
const total = (entries: Weighted[]) => entries.reduce((n, e) => n + e.weight, 0);
const monthSlots = (weights: number[]) => weights.flatMap((w, m) => Array<string>(w).fill(String(m + 1)));

async function slotTable(q: QueryRunner, name: string, values: string[]): Promise<void> {
  await q.query(`CREATE UNLOGGED TABLE ${name} AS SELECT row_number() OVER ()::int AS slot, value FROM unnest($1::text[]) AS value`, [
    values,
  ]);
  await q.query(`ALTER TABLE ${name} ADD PRIMARY KEY (slot)`);
  await q.query(`ANALYZE ${name}`);
}

/** `value` of slot 1 + ⌊r·n⌋ of a slot table of n rows. */
const pick = (table: string, r: string, n: number | string) => `(SELECT value FROM ${table} WHERE slot = 1 + floor((${r}) * ${n})::int)`;

/**
 * The suppliers who bid, by pool: `all`, `d<dept>` (domiciled in the department), `p<dept>` (natural persons
 * there, who take most direct service contracts), `big` (medianas and grandes, for large calls) and `food`
 * (food producers, for segment 50). Pool members are numbered 1..n so a draw is one index lookup.
 */
async function supplierPools(q: QueryRunner): Promise<void> {
  // Food producers (the activities of segment 50), two thirds of them declared ACFC (Ley 2046): few rows to update.
  await q.query(
    `UPDATE supplier_profiles p SET acfc = true
       FROM bench_supplier s JOIN bench_activity a ON a.idx = s.activity
      WHERE p.organization_id = s.id AND s.registered AND a.classes[1] LIKE '50%' AND s.i % 3 <> 0`,
  );
  await q.query(`CREATE UNLOGGED TABLE rb_supplier AS
    SELECT s.i, s.id, p.domicile_department AS department, p.size_class, p.supplier_type, s.women_led, a.classes[1] LIKE '50%' AS food
      FROM bench_supplier s JOIN supplier_profiles p ON p.organization_id = s.id JOIN bench_activity a ON a.idx = s.activity
     WHERE s.registered AND s.active AND p.size_class IS NOT NULL`);
  await q.query(`ALTER TABLE rb_supplier ADD PRIMARY KEY (i)`);
  await q.query(`CREATE UNIQUE INDEX ON rb_supplier (id)`);
  await q.query(`ANALYZE rb_supplier`);
  await q.query(`CREATE UNLOGGED TABLE rb_pool AS
    SELECT pool, row_number() OVER (PARTITION BY pool ORDER BY i)::int AS k, i, id FROM (
      SELECT 'all' AS pool, i, id FROM rb_supplier
      UNION ALL SELECT 'd' || department, i, id FROM rb_supplier
      UNION ALL SELECT 'p' || department, i, id FROM rb_supplier WHERE supplier_type = 'natural_person'
      UNION ALL SELECT 'big', i, id FROM rb_supplier WHERE size_class IN ('mediana', 'grande')
      UNION ALL SELECT 'food', i, id FROM rb_supplier WHERE food) x`);
  await q.query(`ALTER TABLE rb_pool ADD PRIMARY KEY (pool, k)`);
  await q.query(`CREATE UNLOGGED TABLE rb_pool_n AS SELECT pool, count(*)::int AS n FROM rb_pool GROUP BY pool`);
  await q.query(`ALTER TABLE rb_pool_n ADD PRIMARY KEY (pool)`);
  await q.query(`ANALYZE rb_pool`);
  await q.query(`ANALYZE rb_pool_n`);
}

/**
 * One row per process with its draws, both years in one series, cut off where each year reaches its
 * awarded lots. Buyers by weight (bench_buyer_slot); national entities execute 40 % in Bogotá, 30 % in a
 * large city, 30 % anywhere; gobernaciones in a municipality of their department; everyone else at home.
 */
async function drawProcesses(q: QueryRunner, o: AwardLoadOptions, previous: number): Promise<void> {
  const segments = Object.entries(SEGMENT_WEIGHTS).map(([value, weight]) => ({ value, weight }));
  const S = total(segments);
  const skew = (modality: string) =>
    `CASE ${modality} ${Object.entries(BIDDER_SKEW)
      .map(([m, s]) => `WHEN '${m}' THEN ${s}`)
      .join(' ')} ELSE 1.5 END`;
  // ~1.2 awarded lots per process: 5 % more processes than needed is enough for the cut-off.
  const generated = [Math.ceil(o.awards * 0.95), Math.ceil(previous * 0.95)];
  await q.query(`SELECT setseed(0.2029)`);
  await q.query(
    `CREATE UNLOGGED TABLE rb_tender AS
     WITH r AS MATERIALIZED (
       SELECT i, CASE WHEN i <= $2 THEN $1::int ELSE $1::int - 1 END AS yr,
              random() AS r_buyer, random() AS r_mod, random() AS r_comp, random() AS r_lots, random() AS r_status, random() AS r_void,
              random() AS r_month, random() AS r_day, random() AS r_time, random() AS r_place, random() AS r_seg, random() AS r_bet,
              random() AS r_bet2, random() AS r_bidders, random() AS r_value, random() AS r_limited, random() AS r_match, random() AS r_nm,
              random() AS r_call
         FROM generate_series(1, $2::int + $3::int) AS i
     ), b AS MATERIALIZED (
       SELECT r.*, (SELECT value FROM bench_buyer_slot WHERE slot = 1 + floor(r.r_buyer * n.slots)::int) AS buyer_idx
         FROM r CROSS JOIN (SELECT count(*) AS slots FROM bench_buyer_slot) n
     ), d AS MATERIALIZED (
       SELECT b.*, bb.id AS buyer_id, bb.grp, bb.name AS buyer_name, bb.department AS buyer_department, bb.municipality AS buyer_municipality,
              CASE WHEN bb.grp = 'state_company' THEN CASE WHEN r_mod < 0.5 THEN 'contratacion_directa' ELSE 'regimen_especial' END
                   WHEN r_mod < ${DIRECT_SHARE} THEN 'contratacion_directa'
                   ELSE ${pick('rb_modality_slot', 'r_comp', total(COMPETITIVE_MODALITIES))} END AS modality
         FROM b JOIN bench_buyer bb ON bb.idx = b.buyer_idx
     ), e AS MATERIALIZED (
       SELECT d.*, modality = 'contratacion_directa' AS direct,
              CASE WHEN modality = 'contratacion_directa' OR r_lots < 0.55 THEN 1 WHEN r_lots < 0.75 THEN 2 WHEN r_lots < 0.87 THEN 3
                   WHEN r_lots < 0.95 THEN 4 ELSE 5 END AS lot_count,
              CASE WHEN modality = 'contratacion_directa' THEN CASE WHEN r_status < 0.01 THEN 'cancelled' ELSE 'awarded' END
                   WHEN r_status < 0.06 THEN 'void' WHEN r_status < 0.075 THEN 'under_evaluation' WHEN r_status < 0.09 THEN 'cancelled'
                   ELSE 'awarded' END AS status,
              CASE WHEN modality = 'contratacion_directa' THEN ${pick(
                'rb_month_direct_slot',
                'r_month',
                MONTH_WEIGHTS.direct.reduce((a, b) => a + b),
              )}
                   ELSE ${pick(
                     'rb_month_competitive_slot',
                     'r_month',
                     MONTH_WEIGHTS.competitive.reduce((a, b) => a + b),
                   )} END::int AS month,
              CASE WHEN modality = 'contratacion_directa' AND r_seg < 0.6 THEN ${pick('rb_direct_segment_slot', 'r_seg / 0.6', total(DIRECT_SEGMENTS))}
                   WHEN modality = 'contratacion_directa' THEN ${pick('bench_segment_slot', '(r_seg - 0.6) / 0.4', S)}
                   ELSE ${pick('bench_segment_slot', 'r_seg', S)} END AS segment,
              coalesce(city.code, anywhere.code, gov.code, d.buyer_municipality) AS place
         FROM d
         LEFT JOIN bench_city city ON d.grp = 'national' AND d.r_place >= 0.4 AND d.r_place < 0.7
                                   AND city.idx = 1 + floor((d.r_place - 0.4) / 0.3 * (SELECT count(*) FROM bench_city))::int
         LEFT JOIN bench_muni anywhere ON d.grp = 'national' AND d.r_place >= 0.7
                                       AND anywhere.idx = 1 + floor((d.r_place - 0.7) / 0.3 * (SELECT count(*) FROM bench_muni))::int
         LEFT JOIN bench_dept_muni gov ON d.grp = 'gobernacion' AND gov.department = d.buyer_department AND gov.k = 1 + floor(d.r_place * gov.n)::int
     ), f AS (
       SELECT e.i, e.yr, e.buyer_id, e.grp, e.buyer_name, e.modality, e.direct, e.lot_count, e.status, e.segment, e.place,
              left(e.place, 2) AS department, e.r_call, e.r_match, e.r_nm, e.r_limited,
              (make_date(e.yr, e.month, 1) + floor(e.r_day * extract(day FROM make_date(e.yr, e.month, 1) + interval '1 month' - interval '1 day'))::int
                + time '08:00' + e.r_time * interval '10 hours') AT TIME ZONE 'America/Bogota' AS decided_at,
              CASE WHEN e.buyer_name = ANY($4::text[]) AND e.r_bet < 0.7 THEN 'defense'
                   WHEN e.direct AND e.r_bet2 >= 0.35 THEN NULL
                   WHEN e.segment = ANY($5::text[]) AND e.r_bet < 0.6 THEN 'agroindustry'
                   WHEN e.segment = ANY($6::text[]) AND e.r_bet < 0.6 THEN 'health'
                   WHEN e.segment = ANY($7::text[]) AND e.r_bet < 0.5 THEN 'energy_transition'
                   WHEN e.r_bet < 0.28 THEN 'territories' WHEN e.r_bet < 0.34 THEN 'health' WHEN e.r_bet < 0.40 THEN 'agroindustry'
                   WHEN e.r_bet < 0.44 THEN 'energy_transition' END AS productive_bet,
              CASE WHEN e.status = 'cancelled' OR (e.status = 'void' AND e.r_void < 0.5) THEN 0 WHEN e.direct THEN 1
                   ELSE least(6, 1 + floor(power(e.r_bidders, ${skew('e.modality')}) * 6))::int END AS bidders,
              CASE WHEN e.status = 'awarded' AND e.lot_count > 1 AND e.r_void < 0.2
                   THEN 1 + floor(e.r_void / 0.2 * (e.lot_count - 1) * 0.5)::int ELSE 0 END AS void_lots,
              (round(m.min_cop * power(m.max_cop / m.min_cop, e.r_value) / 1000) * 1000)::numeric(20, 0) AS value_cop,
              e.status <> 'cancelled' AND e.modality IN ('minima_cuantia', 'seleccion_abreviada_menor_cuantia') AND e.r_limited < 0.1 AS limited
         FROM e JOIN bench_modality m ON m.modality = e.modality
     ), g AS (
       SELECT f.*, CASE WHEN f.status = 'awarded' THEN f.lot_count - f.void_lots ELSE 0 END AS awarded_lots FROM f
     ), h AS (
       SELECT g.*, sum(g.awarded_lots) OVER (PARTITION BY g.yr ORDER BY g.i) AS cum FROM g
     )
     SELECT h.*, CASE WHEN NOT h.direct AND h.r_match < 0.25 THEN 3 + floor(h.r_nm * 13)::int ELSE 0 END AS match_count
       FROM h WHERE h.cum <= CASE WHEN h.yr = $1 THEN $8::int ELSE $9::int END`,
    [
      o.year,
      generated[0],
      generated[1],
      DEFENSE_BUYERS,
      BET_SEGMENTS.agroindustry,
      BET_SEGMENTS.health,
      BET_SEGMENTS.energy_transition,
      o.awards,
      previous,
    ],
  );
  await q.query(`ALTER TABLE rb_tender ADD PRIMARY KEY (i)`);
  // Tables made by CREATE TABLE AS have no statistics until analyzed: without them every join is a nested loop.
  await q.query(`ANALYZE rb_tender`);
  const reached: { yr: number; n: string }[] = await q.query(`SELECT yr, sum(awarded_lots)::text AS n FROM rb_tender GROUP BY yr`);
  for (const [yr, want] of [
    [o.year, o.awards],
    [o.year - 1, previous],
  ])
    if (Number(reached.find((r) => r.yr === yr)?.n ?? 0) < want * 0.999)
      throw new Error(
        `Year ${yr}: only ${reached.find((r) => r.yr === yr)?.n ?? 0} awarded lots drawn of ${want}; generate more processes`,
      );
}

/**
 * Lots: the first in the process's segment, the others in it 70 % of the time; a power law picks the class
 * within the segment (bench_tender_class), a fifth have a neighbouring second class. Reservations as in
 * synthetic-tenders.ts (never for direct contracts). The last `void_lots` lots of an awarded process are
 * void; every lot of a void process is. The winner is one of the process's bidders.
 */
async function drawLots(q: QueryRunner): Promise<void> {
  const segments = Object.entries(SEGMENT_WEIGHTS).map(([value, weight]) => ({ value, weight }));
  await q.query(`CREATE UNLOGGED TABLE rb_seg_n AS SELECT DISTINCT segment, seg_n FROM bench_tender_class`);
  await q.query(`ALTER TABLE rb_seg_n ADD PRIMARY KEY (segment)`);
  await q.query(`ANALYZE rb_seg_n`);
  await q.query(
    `CREATE UNLOGGED TABLE rb_lot AS
     WITH slots AS MATERIALIZED (
       SELECT t.i, k FROM rb_tender t CROSS JOIN generate_series(1, t.lot_count) AS k ORDER BY t.i, k
     ), draws AS MATERIALIZED (
       SELECT i, k, random() AS r_seg, random() AS r_seg2, random() AS r_cls, random() AS r_two, random() AS r_res, random() AS r_ep,
              random() AS r_w, random() AS r_win, random() AS r_price, random() AS r_nat
         FROM slots
     ), l AS MATERIALIZED (
       SELECT d.*, t.lot_count, t.direct, t.modality, t.value_cop AS tender_value, t.status, t.void_lots, t.bidders,
              CASE WHEN d.k = 1 OR d.r_seg < 0.7 THEN t.segment ELSE ${pick('bench_segment_slot', 'd.r_seg2', total(segments))} END AS segment
         FROM draws d JOIN rb_tender t ON t.i = d.i
     )
     SELECT l.i, l.k, c.code, c.name, c.segment, c.segment >= '70' AS service,
            CASE WHEN l.r_two < 0.2 THEN ARRAY[c.code, nb.code] ELSE ARRAY[c.code] END AS classes,
            greatest(1000, floor(l.tender_value * (0.5 + l.r_w) / l.lot_count / 1000) * 1000)::numeric(20, 0) AS value_cop,
            NOT l.direct AND l.r_res < CASE l.modality WHEN 'minima_cuantia' THEN 0.25 WHEN 'licitacion_publica' THEN 0.08 ELSE 0.15 END AS mipymes,
            NOT l.direct AND l.r_ep < 0.03 AS economia_popular,
            CASE WHEN l.status = 'awarded' AND l.k <= l.lot_count - l.void_lots THEN 'awarded'
                 WHEN l.status = 'awarded' OR (l.status = 'void' AND l.bidders > 0) THEN 'void' END AS outcome,
            CASE WHEN l.status = 'awarded' AND l.k <= l.lot_count - l.void_lots THEN 1 + floor(l.r_win * l.bidders)::int END AS winner,
            l.direct, l.r_price, l.r_nat
       FROM l
       JOIN rb_seg_n sn ON sn.segment = l.segment
       JOIN bench_tender_class c ON c.segment = l.segment AND c.seg_rank = 1 + floor(power(l.r_cls, 2.5) * sn.seg_n)::int
       JOIN bench_tender_class nb ON nb.idx = 1 + c.idx % (SELECT count(*) FROM bench_tender_class)`,
  );
  await q.query(`ALTER TABLE rb_lot ADD PRIMARY KEY (i, k)`);
  await q.query(`ANALYZE rb_lot`);
  const [{ missing }] = await q.query(`SELECT (SELECT sum(lot_count) FROM rb_tender) - (SELECT count(*) FROM rb_lot) AS missing`);
  if (Number(missing) !== 0) throw new Error(`${missing} lots have no class: a weighted segment has no named class`);
}

/**
 * Bidders: one for a direct contract (70 % a natural person domiciled in the department of execution, 15 %
 * someone else domiciled there), 1–6 for a competitive call (half of large calls go to medianas and grandes,
 * half of food calls to food producers, otherwise 55 % local); a bidder offers on every lot of a single-lot
 * call and on about two thirds of the others, always on the lot it wins. The same supplier drawn twice in
 * one process bids once, on the lots of both draws.
 */
async function drawBidders(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE UNLOGGED TABLE rb_bidder AS
     WITH slots AS MATERIALIZED (
       SELECT t.i, j FROM rb_tender t CROSS JOIN generate_series(1, t.bidders) AS j ORDER BY t.i, j
     ), draws AS MATERIALIZED (
       SELECT i, j, random() AS r_pool, random() AS r_local, random() AS r_k FROM slots
     ), p AS (
       SELECT d.*, CASE WHEN t.direct THEN CASE WHEN d.r_pool < 0.7 THEN 'p' || t.department WHEN d.r_pool < 0.85 THEN 'd' || t.department ELSE 'all' END
                        WHEN t.value_cop >= 1e9 AND d.r_pool < 0.5 THEN 'big'
                        WHEN t.segment = '50' AND d.r_pool < 0.5 THEN 'food'
                        WHEN d.r_local < 0.55 THEN 'd' || t.department ELSE 'all' END AS wanted
         FROM draws d JOIN rb_tender t ON t.i = d.i
     )
     SELECT p.i, p.j, s.id AS supplier_id
       FROM p
       LEFT JOIN rb_pool_n wanted ON wanted.pool = p.wanted
       CROSS JOIN (SELECT n FROM rb_pool_n WHERE pool = 'all') everyone
       JOIN rb_pool s ON s.pool = coalesce(wanted.pool, 'all') AND s.k = 1 + floor(p.r_k * coalesce(wanted.n, everyone.n))::int`,
  );
  await q.query(`ALTER TABLE rb_bidder ADD PRIMARY KEY (i, j)`);
  await q.query(`ANALYZE rb_bidder`);
  await q.query(`CREATE UNLOGGED TABLE rb_bid AS
    SELECT b.i, b.supplier_id, min(b.j) AS j, array_agg(DISTINCT ${uuidOf('8002', 'l.i * 8 + l.k')} ORDER BY ${uuidOf('8002', 'l.i * 8 + l.k')}) AS lot_ids
      FROM rb_bidder b JOIN rb_lot l ON l.i = b.i JOIN rb_tender t ON t.i = b.i
     WHERE t.lot_count = 1 OR b.j = l.winner OR (b.j + l.k + l.i) % 3 <> 0
     GROUP BY b.i, b.supplier_id`);
  await q.query(`ALTER TABLE rb_bid ADD PRIMARY KEY (i, supplier_id)`);
  await q.query(`ANALYZE rb_bid`);
}

/**
 * The buyers of synthetic-tenders.ts have ids of namespace f000, which are not RFC 4122 version-4 ids (the
 * variant digit must be 8–b), and the API validates `buyerOrganizationId` with IsUUID('4'): give them 8f00 ones.
 */
async function validBuyerIds(q: QueryRunner): Promise<void> {
  await withoutForeignKeys(q, ['buyer_profiles'], async () => {
    await q.query(`UPDATE organizations o SET id = ${uuidOf('8f00', 'b.idx')} FROM bench_buyer b WHERE o.id = b.id`);
    await q.query(
      `UPDATE buyer_profiles p SET organization_id = ${uuidOf('8f00', 'b.idx')} FROM bench_buyer b WHERE p.organization_id = b.id`,
    );
    await q.query(`UPDATE bench_buyer SET id = ${uuidOf('8f00', 'idx')}`);
  });
}

/** Drops the foreign keys of `tables` for a bulk load and puts the same constraints back (one validating scan each). */
async function withoutForeignKeys(q: QueryRunner, tables: string[], load: () => Promise<void>): Promise<void> {
  const fks: { table: string; name: string; def: string }[] = await q.query(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  try {
    await load();
  } finally {
    const t0 = performance.now();
    for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    console.log(`    ${fks.length} foreign keys re-added: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const T_ID = uuidOf('8001', 't.i');
const L_ID = uuidOf('8002', 'l.i * 8 + l.k');
const B_ID = (alias: string) => uuidOf('8003', `${alias}.i * 8 + ${alias}.j`);

/** Runs one statement and logs how long it took. */
async function timed(q: QueryRunner, label: string, sql: string, params?: unknown[]): Promise<void> {
  const t0 = performance.now();
  await q.query(sql, params);
  console.log(`    ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function insertProcesses(q: QueryRunner, criteria: string): Promise<void> {
  // Published call_days before closing, closing ~10 days before the decision; direct contracts are published the day they are decided.
  await timed(
    q,
    'dates',
    `CREATE UNLOGGED TABLE rb_dates AS
     SELECT t.i,
            CASE WHEN t.direct THEN t.decided_at - interval '2 days' ELSE t.decided_at - (12 + floor(t.r_call * 20)) * interval '1 day' END AS closing_at,
            t.decided_at - CASE WHEN t.direct THEN interval '3 days' ELSE (25 + floor(t.r_call * 40)) * interval '1 day' END AS published_at
       FROM rb_tender t`,
  );
  await timed(q, 'dates pk', `ALTER TABLE rb_dates ADD PRIMARY KEY (i)`);
  await q.query(`ANALYZE rb_dates`);
  await timed(
    q,
    'tenders',
    `INSERT INTO tenders (id, reference, buyer_organization_id, title, description, modality, productive_bet, execution_department,
       execution_municipality, estimated_value_cop, status, schedule, closing_time, closing_at, criteria, version, limitation, status_reason,
       published_at, opened_at, closed_at, cancelled_at, created_at, updated_at)
     SELECT ${T_ID}, 'ESL-' || t.yr || '-' || lpad(t.i::text, 7, '0'), t.buyer_id,
            CASE WHEN first.service THEN 'Prestación de servicios de ' || regexp_replace(lower(first.name), '^servicios de ', '')
                 ELSE 'Adquisición de ' || lower(first.name) END || CASE WHEN t.lot_count > 1 THEN ' y otros' ELSE '' END,
            'Proceso de ' || t.buyer_name || ' en ' || m.name || '. Según las especificaciones del anexo técnico; plazo de ejecución de seis meses a partir del acta de inicio.',
            t.modality, t.productive_bet, t.department, t.place, v.value_cop, t.status,
            jsonb_build_object('opening', (dt.published_at AT TIME ZONE 'America/Bogota')::date, 'closing', (dt.closing_at AT TIME ZONE 'America/Bogota')::date),
            to_char(dt.closing_at AT TIME ZONE 'America/Bogota', 'HH24:MI'), dt.closing_at, $1::jsonb, 1,
            CASE WHEN t.limited THEN jsonb_build_object('limited', true, 'thresholdCop', '1459680000', 'validRequestIds', '[]'::jsonb) END,
            CASE t.status WHEN 'void' THEN 'Ninguna oferta cumplió los requisitos habilitantes.'
                          WHEN 'cancelled' THEN 'Revocatoria por motivos de interés público.' END,
            dt.published_at, dt.published_at + interval '1 hour',
            CASE WHEN t.status <> 'cancelled' THEN dt.closing_at END, CASE WHEN t.status = 'cancelled' THEN dt.closing_at END,
            dt.published_at - interval '2 days',
            -- A process declared void without bids has no award rows: its decision is the tender's last update.
            CASE WHEN t.status = 'under_evaluation' THEN dt.closing_at ELSE t.decided_at END
       FROM rb_tender t
       JOIN rb_dates dt ON dt.i = t.i
       JOIN rb_lot first ON first.i = t.i AND first.k = 1
       JOIN divipola_municipalities m ON m.code = t.place
       JOIN (SELECT i, sum(value_cop) AS value_cop FROM rb_lot GROUP BY i) v ON v.i = t.i`,
    [criteria],
  );
  await timed(
    q,
    'tender_lots',
    `INSERT INTO tender_lots (id, tender_id, position, title, description, unspsc_classes, quantity, unit, estimated_value_cop,
       reserved_for_mipymes, reserved_for_economia_popular)
     SELECT ${L_ID}, ${uuidOf('8001', 'l.i')}, l.k - 1, CASE WHEN t.lot_count = 1 THEN l.name ELSE 'Lote ' || l.k || ': ' || l.name END, '',
            l.classes, CASE WHEN l.service THEN 1 ELSE 1 + (l.i * 7 + l.k) % 500 END, CASE WHEN l.service THEN 'servicio' ELSE 'unidad' END,
            l.value_cop, l.mipymes, l.economia_popular
       FROM rb_lot l JOIN rb_tender t ON t.i = l.i`,
  );
  // Sealed content padded to 1 KiB as bids.service.ts does (incompressible ciphertext in production: md5 bytes here).
  await timed(
    q,
    'bids',
    `INSERT INTO bids (id, tender_id, supplier_organization_id, status, version, iv, tag, sealed_content, digest, nonce, lot_ids,
       idempotency_key, submitted_at, submitted_by, bidder_facts)
     SELECT ${B_ID('b')}, ${uuidOf('8001', 'b.i')}, b.supplier_id, 'submitted', 1,
            substr(decode(md5(b.i || 'iv' || b.j), 'hex'), 1, 12), decode(md5(b.i || 'tag' || b.j), 'hex'),
            decode(repeat(md5(b.i || '.' || b.j), 64), 'hex'), encode(sha256((b.i || '/' || b.j)::bytea), 'hex'), md5(b.i || 'n' || b.j),
            b.lot_ids, md5(b.i || 'k' || b.j), dt.closing_at - (1 + (b.i + b.j) % 72) * interval '1 hour', b.supplier_id,
            jsonb_build_object('sizeClass', s.size_class, 'mipyme', s.size_class <> 'grande' OR s.supplier_type = 'cooperative', 'womenLed', s.women_led)
       FROM rb_bid b JOIN rb_dates dt ON dt.i = b.i JOIN rb_supplier s ON s.id = b.supplier_id`,
  );
  await timed(
    q,
    'awards',
    `INSERT INTO awards (id, tender_id, lot_id, outcome, bid_id, supplier_organization_id, value_cop, national_industry, size_class, reason,
       decided_by, decided_at)
     SELECT ${uuidOf('8004', 'l.i * 8 + l.k')}, ${uuidOf('8001', 'l.i')}, ${L_ID}, l.outcome, ${B_ID('wb')}, w.supplier_id,
            CASE WHEN l.outcome = 'awarded' THEN CASE WHEN l.direct THEN l.value_cop ELSE floor(l.value_cop * (0.82 + 0.18 * l.r_price) / 1000) * 1000 END END,
            CASE WHEN l.outcome = 'awarded' THEN
              CASE WHEN l.service OR s.supplier_type = 'natural_person' THEN
                     CASE WHEN l.r_nat < 0.92 THEN 'national_service' WHEN l.r_nat < 0.95 THEN 'national_treatment' ELSE 'foreign' END
                   ELSE CASE WHEN l.r_nat < 0.68 THEN 'national_goods' WHEN l.r_nat < 0.80 THEN 'foreign_with_component'
                             WHEN l.r_nat < 0.85 THEN 'national_treatment' ELSE 'foreign' END END END,
            s.size_class, CASE WHEN l.outcome = 'void' THEN 'Ninguna oferta habilitada para el lote.' END, t.buyer_id, t.decided_at
       FROM rb_lot l JOIN rb_tender t ON t.i = l.i
       LEFT JOIN rb_bidder w ON w.i = l.i AND w.j = l.winner
       LEFT JOIN rb_bid wb ON wb.i = w.i AND wb.supplier_id = w.supplier_id
       LEFT JOIN rb_supplier s ON s.id = w.supplier_id
      WHERE l.outcome IS NOT NULL`,
  );
  // The matching job's list for a quarter of the competitive calls: 3–15 suppliers, half domiciled where the call is executed, and half the bidders.
  await timed(
    q,
    'tender_matches',
    `INSERT INTO tender_matches (tender_id, organization_id, version, score, reasons, lot_ids, matched_at)
     SELECT x.tender_id, x.organization_id, 1, 40 + x.h % 56,
            jsonb_build_array(jsonb_build_object('code', 'class_match', 'lot', 0, 'unspsc', x.code), jsonb_build_object('code', 'operates_in', 'department', x.department)),
            ARRAY[x.lot_id], x.matched_at
       FROM (
         SELECT ${T_ID} AS tender_id, s.id AS organization_id, t.i * 31 + m AS h, first.code, t.department,
                ${uuidOf('8002', 't.i * 8 + 1')} AS lot_id, dt.published_at AS matched_at
           FROM rb_tender t JOIN rb_dates dt ON dt.i = t.i JOIN rb_lot first ON first.i = t.i AND first.k = 1
           CROSS JOIN generate_series(1, t.match_count) AS m
           LEFT JOIN rb_pool_n local ON m % 2 = 1 AND local.pool = 'd' || t.department
           CROSS JOIN (SELECT n FROM rb_pool_n WHERE pool = 'all') everyone
           JOIN rb_pool s ON s.pool = coalesce(local.pool, 'all') AND s.k = 1 + (t.i::bigint * 7919 + m * 104729) % coalesce(local.n, everyone.n)
          WHERE t.match_count > 0
         UNION ALL
         SELECT ${T_ID}, b.supplier_id, t.i * 31 + b.j, first.code, t.department, ${uuidOf('8002', 't.i * 8 + 1')}, dt.published_at
           FROM rb_tender t JOIN rb_dates dt ON dt.i = t.i JOIN rb_lot first ON first.i = t.i AND first.k = 1
           JOIN rb_bid b ON b.i = t.i AND (b.i + b.j) % 2 = 0
          WHERE t.match_count > 0
       ) x
     ON CONFLICT DO NOTHING`,
  );
}

/** Loads the suppliers, the buyers and both years of decided processes into a migrated database, on one connection. */
export async function loadSyntheticAwards(q: QueryRunner, o: AwardLoadOptions, criteria: string): Promise<AwardLoadSummary> {
  const started = performance.now();
  const steps: AwardLoadSummary['steps'] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    steps.push({ step: name, seconds: (performance.now() - t0) / 1000 });
    console.log(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  const previous = Math.round((o.awards * o.previousPercent) / 100);
  // JIT would compile these one-off statements for longer than they run.
  await q.query(`SET jit = off`);
  await step(`${o.suppliers} suppliers (synthetic-suppliers.ts)`, () => loadSyntheticSuppliers(q, o.suppliers));
  await step('buyers and helper tables', async () => {
    await createTenderHelperTables(q);
    await insertBuyers(q);
    await validBuyerIds(q);
    for (const t of [
      'bench_supplier',
      'bench_activity',
      'bench_muni',
      'bench_city',
      'bench_buyer',
      'bench_buyer_slot',
      'bench_tender_class',
      'bench_dept_muni',
    ])
      await q.query(`ANALYZE ${t}`);
    await slotTable(q, 'rb_modality_slot', slots(COMPETITIVE_MODALITIES));
    await slotTable(q, 'rb_direct_segment_slot', slots(DIRECT_SEGMENTS));
    await slotTable(q, 'rb_month_direct_slot', monthSlots(MONTH_WEIGHTS.direct));
    await slotTable(q, 'rb_month_competitive_slot', monthSlots(MONTH_WEIGHTS.competitive));
    await supplierPools(q);
  });
  await step('draws: processes', () => drawProcesses(q, o, previous));
  await step('draws: lots', () => drawLots(q));
  await step('draws: bidders and bids', () => drawBidders(q));
  await step('insert tenders, lots, bids, awards, matches (foreign keys re-added after)', () =>
    withoutForeignKeys(q, ['tenders', 'tender_lots', 'bids', 'awards', 'tender_matches'], () => insertProcesses(q, criteria)),
  );
  await step('vacuum analyze', async () => {
    for (const t of ['organizations', 'buyer_profiles', 'supplier_profiles', 'tenders', 'tender_lots', 'bids', 'awards', 'tender_matches'])
      await q.query(`VACUUM ANALYZE ${t}`);
  });
  await q.query(`RESET jit`);
  const [counts] =
    await q.query(`SELECT (SELECT count(*) FROM rb_supplier)::int AS suppliers, (SELECT count(*) FROM bench_buyer)::int AS buyers,
       (SELECT count(*) FROM tenders)::int AS tenders, (SELECT count(*) FROM tender_lots)::int AS lots, (SELECT count(*) FROM bids)::int AS bids,
       (SELECT count(*) FROM awards)::int AS awards, (SELECT count(*) FROM tender_matches)::int AS matches`);
  const years =
    await q.query(`SELECT t.yr AS year, count(*)::int AS processes, count(*) FILTER (WHERE status = 'awarded')::int AS "awardedProcesses",
       count(*) FILTER (WHERE status = 'void')::int AS "voidProcesses", count(*) FILTER (WHERE status NOT IN ('awarded', 'void'))::int AS undecided,
       sum(lot_count) FILTER (WHERE status IN ('awarded', 'void'))::int AS lots, sum(awarded_lots)::int AS "awardedLots",
       (sum(lot_count) FILTER (WHERE status IN ('awarded', 'void')) - sum(awarded_lots))::int AS "voidLots"
     FROM rb_tender t GROUP BY t.yr ORDER BY t.yr DESC`);
  return { ...counts, years, steps, seconds: (performance.now() - started) / 1000 };
}
