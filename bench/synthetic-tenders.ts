import type { TenderSchedule } from '@eslabon/contracts';
import type { DataSource, QueryRunner } from 'typeorm';
import { demoTenderInput } from '../backend/src/demo/seed-demo-tenders';
import { DEMO_TENDERS } from '../backend/src/demo/demo-tenders';
import { PostgresSearchEngine } from '../backend/src/modules/search/postgres-search.engine';
import { reindexTenders } from '../backend/src/modules/search/search-indexer';
import { checkDigitJoin, ensureHelperTables, uuidOf } from './synthetic-suppliers';
import {
  BET_SHARES,
  BOGOTA_BUYERS,
  BUYER_WEIGHTS,
  DESTINATIONS,
  GOODS_UNITS,
  GOODS_VERBS,
  HOSPITALS,
  HOSPITAL_SAINTS,
  MODALITY_SHARES,
  NATIONAL_BUYERS,
  SEGMENT_WEIGHTS,
  SERVICE_UNITS,
  SERVICE_VERBS,
  SMALL_ALCALDIAS,
  STATE_COMPANIES,
  STATUS_SHARES,
  TENDER_PHRASES,
  UNIVERSITIES,
  type Weighted,
} from './synthetic-tender-values';

/**
 * National-scale synthetic tenders with their lots, written with set-based SQL like the supplier
 * registry (synthetic-suppliers.ts, whose helper tables it shares), never through the services: ~330
 * buyers (national entities, gobernaciones, alcaldías, hospitals, universities, state companies) and M
 * tenders of 1–5 lots of real UNSPSC classes, titled in Spanish from the class names. Seeded: the same M
 * gives the same data, with dates relative to the day of the run.
 */

export const DEFAULT_TENDERS = 50_000;

/** The demo tenders' evaluation criteria (backend/src/demo): every synthetic call scores the same way. */
const CRITERIA = demoTenderInput(DEMO_TENDERS[0], {} as TenderSchedule).criteria;

/** `slot → value` with each value repeated by its weight: `pick()` draws from it with one random number. */
async function slotTable(q: QueryRunner, name: string, entries: Weighted[]): Promise<void> {
  await q.query(`CREATE UNLOGGED TABLE ${name} AS SELECT row_number() OVER ()::int AS slot, value FROM unnest($1::text[]) AS value`, [
    entries.flatMap((e) => Array<string>(e.weight).fill(e.value)),
  ]);
  await q.query(`ALTER TABLE ${name} ADD PRIMARY KEY (slot)`);
}

const pick = (table: string, r: string) =>
  `(SELECT value FROM ${table} WHERE slot = 1 + floor((${r}) * (SELECT count(*) FROM ${table}))::int)`;
const weighted = (values: string[]): Weighted[] => values.map((value) => ({ value, weight: 1 }));

export async function createTenderHelperTables(q: QueryRunner): Promise<void> {
  await ensureHelperTables(q);
  // "BOGOTÁ, D.C." → "Bogotá D.C.", "NORTE DE SANTANDER" → "Norte de Santander".
  await q.query(`CREATE FUNCTION bench_title(text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT replace(replace(replace(replace(initcap(lower($1)), ' De ', ' de '), ' Del ', ' del '), ' Y ', ' y '), ', D.c.', ' D.C.') $$`);
  // Classes with a name, in code order (neighbours share a family), ranked within their segment by a fixed shuffle.
  await q.query(`CREATE UNLOGGED TABLE bench_tender_class AS
    SELECT row_number() OVER (ORDER BY code)::int AS idx, code, name, left(code, 2) AS segment,
           row_number() OVER (PARTITION BY left(code, 2) ORDER BY md5(code))::int AS seg_rank, count(*) OVER (PARTITION BY left(code, 2))::int AS seg_n
      FROM unspsc_codes WHERE level = 'class' AND name <> ''`);
  await q.query(`ALTER TABLE bench_tender_class ADD PRIMARY KEY (idx)`);
  await q.query(`CREATE UNIQUE INDEX ON bench_tender_class (code)`);
  await q.query(`CREATE UNIQUE INDEX ON bench_tender_class (segment, seg_rank)`);
  await q.query(`CREATE UNLOGGED TABLE bench_dept_muni AS
    SELECT left(code, 2) AS department, row_number() OVER (PARTITION BY left(code, 2) ORDER BY code)::int AS k, code,
           count(*) OVER (PARTITION BY left(code, 2))::int AS n FROM bench_muni`);
  await q.query(`ALTER TABLE bench_dept_muni ADD PRIMARY KEY (department, k)`);
  await q.query(
    `CREATE UNLOGGED TABLE bench_modality AS
     SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[]) AS m(modality, min_cop, max_cop)`,
    [MODALITY_SHARES.map((m) => m.value), MODALITY_SHARES.map((m) => m.minCop), MODALITY_SHARES.map((m) => m.maxCop)],
  );
  const segments = Object.entries(SEGMENT_WEIGHTS).map(([value, weight]) => ({ value, weight }));
  for (const [name, entries] of [
    ['bench_modality_slot', MODALITY_SHARES],
    ['bench_status_slot', STATUS_SHARES],
    ['bench_bet_slot', BET_SHARES],
    ['bench_segment_slot', segments],
    ['bench_goods_verb_slot', GOODS_VERBS],
    ['bench_service_verb_slot', SERVICE_VERBS],
    ['bench_destination_slot', weighted(DESTINATIONS)],
    ['bench_phrase_slot', weighted(TENDER_PHRASES)],
  ] as [string, Weighted[]][])
    await slotTable(q, name, entries);
}

/** The buyers, each with how many calls it publishes relative to the others (bench_buyer_slot). */
export async function insertBuyers(q: QueryRunner): Promise<number> {
  const w = BUYER_WEIGHTS;
  await q.query(
    `CREATE UNLOGGED TABLE bench_buyer AS
     WITH b AS (
       SELECT 'national' AS grp, name, '11001' AS municipality, '11' AS department, ${w.national} AS weight FROM unnest($1::text[]) AS name
       UNION ALL SELECT 'bogota', name, '11001', '11', ${w.bogota} FROM unnest($2::text[]) AS name
       UNION ALL SELECT DISTINCT 'gobernacion', 'Gobernación de ' || bench_title(department_name), NULL, department_code, ${w.gobernacion}
         FROM divipola_municipalities WHERE department_code <> '11'
       UNION ALL SELECT 'alcaldia', 'Alcaldía de ' || bench_title(m.name), m.code, m.department_code,
                        CASE WHEN m.code IN (SELECT code FROM bench_city) THEN ${w.cityAlcaldia} ELSE ${w.alcaldia} END
         FROM divipola_municipalities m
        WHERE m.code <> '11001' AND (m.code IN (SELECT code FROM bench_city)
              OR m.code IN (SELECT code FROM divipola_municipalities ORDER BY md5(code) LIMIT ${SMALL_ALCALDIAS}))
       UNION ALL SELECT 'hospital', 'E.S.E. Hospital ' || ($3::text[])[1 + k % cardinality($3::text[])] || ' de ' || bench_title(name),
                        code, department_code, ${w.hospital}
         FROM (SELECT row_number() OVER (ORDER BY md5(code || 'h'))::int AS k, * FROM divipola_municipalities ORDER BY md5(code || 'h') LIMIT ${HOSPITALS}) h
       UNION ALL SELECT 'university', name, muni, left(muni, 2), ${w.university} FROM unnest($4::text[], $5::text[]) AS u(name, muni)
       UNION ALL SELECT 'state_company', name, muni, left(muni, 2), ${w.stateCompany} FROM unnest($6::text[], $7::text[]) AS c(name, muni)
     )
     SELECT row_number() OVER (ORDER BY grp, name)::int AS idx, ${uuidOf('f000', 'row_number() OVER (ORDER BY grp, name)')} AS id, b.* FROM b`,
    [
      NATIONAL_BUYERS,
      BOGOTA_BUYERS,
      HOSPITAL_SAINTS,
      UNIVERSITIES.map((u) => u[0]),
      UNIVERSITIES.map((u) => u[1]),
      STATE_COMPANIES.map((c) => c[0]),
      STATE_COMPANIES.map((c) => c[1]),
    ],
  );
  await q.query(`ALTER TABLE bench_buyer ADD PRIMARY KEY (idx)`);
  await q.query(`CREATE UNLOGGED TABLE bench_buyer_slot AS
    SELECT row_number() OVER (ORDER BY b.idx)::int AS slot, b.idx AS value FROM bench_buyer b, generate_series(1, b.weight)`);
  await q.query(`ALTER TABLE bench_buyer_slot ADD PRIMARY KEY (slot)`);
  await q.query(`INSERT INTO organizations (id, kind, name, status, created_at, decided_at)
    SELECT id, CASE grp WHEN 'state_company' THEN 'state_company' ELSE 'state_entity' END, name, 'active',
           now() - interval '4 years', now() - interval '4 years' FROM bench_buyer`);
  await q.query(`INSERT INTO buyer_profiles (organization_id, entity_kind, regime, regime_reference, nit, check_digit, municipality,
      department_code, annual_budget_smmlv, productive_bets)
    SELECT b.id, CASE b.grp WHEN 'national' THEN 'national_public' WHEN 'state_company' THEN 'state_company' ELSE 'territorial_public' END,
           CASE b.grp WHEN 'state_company' THEN 'special' ELSE 'egcap' END,
           CASE b.grp WHEN 'state_company' THEN 'Manual de contratación de la empresa' END, nit, dv.digit::text,
           coalesce(b.municipality, b.department || '001'), b.department, 5000 * b.weight * b.weight + 97 * b.idx, '{}'
      FROM bench_buyer b CROSS JOIN LATERAL (SELECT (899999000 + b.idx)::text AS nit) n ${checkDigitJoin('nit')}`);
  const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM bench_buyer`);
  return n;
}

/**
 * One row per tender with its draws. Themes: half follow a supplier activity (its classes, lot by lot),
 * half a weighted segment with a power-law class inside it and its neighbours in code order.
 */
async function drawTenders(q: QueryRunner, m: number): Promise<void> {
  await q.query(`SELECT setseed(0.2027)`);
  await q.query(
    `CREATE UNLOGGED TABLE bench_tender AS
     WITH r AS MATERIALIZED (
       SELECT i, random() AS r_buyer, random() AS r_mod, random() AS r_status, random() AS r_value, random() AS r_theme, random() AS r_act,
              random() AS r_seg, random() AS r_cls, random() AS r_lots, random() AS r_days, random() AS r_call, random() AS r_place,
              random() AS r_muni, random() AS r_bet, random() AS r_verb, random() AS r_dest, random() AS r_phrase, random() AS r_misc,
              random() AS r_version, random() AS r_limited, random() AS r_phrase2
         FROM generate_series(1, $1::int) AS i
     ), rb AS MATERIALIZED (
       -- Each step materialized: an inlined draw would be evaluated again wherever it is used (once per buyer in a join).
       SELECT r.*, ${pick('bench_buyer_slot', 'r.r_buyer')}::int AS buyer_idx FROM r
     ), d AS MATERIALIZED (
       SELECT rb.*, b.id AS buyer_id, b.grp, b.name AS buyer_name, b.municipality AS buyer_municipality, b.department AS buyer_department,
              CASE WHEN b.grp = 'state_company' AND r_misc < 0.8 THEN 'regimen_especial' ELSE ${pick('bench_modality_slot', 'r_mod')} END AS modality,
              CASE WHEN r_lots < 0.55 THEN 1 WHEN r_lots < 0.75 THEN 2 WHEN r_lots < 0.87 THEN 3 WHEN r_lots < 0.95 THEN 4 ELSE 5 END AS lot_count,
              CASE WHEN r_theme < 0.5 THEN (SELECT activity FROM bench_activity_slot
                                             WHERE slot = 1 + floor(r_act * (SELECT count(*) FROM bench_activity_slot))::int) END AS activity,
              ${pick('bench_segment_slot', 'r_seg')} AS segment
         FROM rb JOIN bench_buyer b ON b.idx = rb.buyer_idx
     ), e AS MATERIALIZED (
       SELECT d.*, m.min_cop, m.max_cop,
              CASE WHEN s.status = 'published_draft' AND d.modality IN ('minima_cuantia', 'contratacion_directa') THEN 'open' ELSE s.status END AS status,
              -- Business days are not modelled: calendar days of the call and of the draft terms before it.
              CASE d.modality WHEN 'minima_cuantia' THEN 3 + floor(r_call * 6) WHEN 'contratacion_directa' THEN 5 + floor(r_call * 6)
                   WHEN 'licitacion_publica' THEN 20 + floor(r_call * 26) WHEN 'concurso_de_meritos' THEN 15 + floor(r_call * 16)
                   ELSE 10 + floor(r_call * 11) END::int AS call_days,
              CASE WHEN d.modality IN ('minima_cuantia', 'contratacion_directa') THEN 0 ELSE 10 END AS draft_days,
              coalesce(d.activity, 0) > 0 AS by_activity
         FROM d JOIN bench_modality m ON m.modality = d.modality CROSS JOIN LATERAL (SELECT ${pick('bench_status_slot', 'd.r_status')} AS status) s
     )
     SELECT e.*,
            current_date + CASE e.status
              WHEN 'draft' THEN call_days + draft_days + 5 + floor(r_days * 60)
              WHEN 'published_draft' THEN call_days + 1 + floor(r_days * (draft_days - 2))
              WHEN 'open' THEN 1 + floor(r_days * greatest(call_days - 2, 1))
              WHEN 'closed' THEN -1 - floor(r_days * 4)
              WHEN 'under_evaluation' THEN -3 - floor(r_days * 40)
              WHEN 'cancelled' THEN -1 - floor(r_days * 1095)
              ELSE -15 - floor(r_days * 1080) END::int AS closing_date,
            (ARRAY['09:00', '10:00', '14:00', '17:00'])[1 + floor(r_misc * 4)::int] AS closing_time,
            (round(min_cop * power(max_cop / min_cop, r_value) / 1000) * 1000)::numeric(20, 0) AS value_cop,
            CASE WHEN e.by_activity THEN (SELECT c.idx FROM bench_activity a JOIN bench_tender_class c ON c.code = a.classes[1] WHERE a.idx = e.activity)
                 ELSE (SELECT c.idx FROM bench_tender_class c WHERE c.segment = e.segment
                          AND c.seg_rank = 1 + floor(power(r_cls, 2.5) * (SELECT max(seg_n) FROM bench_tender_class x WHERE x.segment = e.segment))::int)
            END AS anchor_idx
       FROM e`,
    [m],
  );
  await q.query(`ALTER TABLE bench_tender ADD PRIMARY KEY (i)`);
}

/**
 * Lots: the activity's classes in order (then neighbours of its first), or the anchor's neighbours; a fifth
 * have a second class. Values split the tender's by random weights, in whole thousands of pesos, summing
 * exactly. ~20 % reserved: for mipymes 15 % (25 % in mínima cuantía, 8 % in licitación), for economía popular 3 %.
 */
async function drawLots(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE UNLOGGED TABLE bench_lot AS
    -- The draws follow (tender, lot) order whatever plan the joins get, so the same M gives the same lots.
    WITH slots AS MATERIALIZED (
      SELECT t.i, k FROM bench_tender t CROSS JOIN generate_series(1, t.lot_count) AS k ORDER BY t.i, k
    ), draws AS MATERIALIZED (
      SELECT i, k, random() AS r_two, random() AS r_res, random() AS r_ep, random() AS r_qty, random() AS r_unit, random() AS r_nat,
             round((0.5 + random())::numeric, 4) AS w
        FROM slots
    ), l AS (
      SELECT d.*, t.value_cop, t.modality,
             CASE WHEN t.by_activity AND d.k <= cardinality(a.classes) THEN (SELECT idx FROM bench_tender_class WHERE code = a.classes[d.k])
                  ELSE 1 + (t.anchor_idx + d.k - 2) % n.classes END AS class_idx, n.classes
        FROM draws d JOIN bench_tender t ON t.i = d.i
        LEFT JOIN bench_activity a ON a.idx = t.activity
        CROSS JOIN (SELECT count(*)::int AS classes FROM bench_tender_class) n
    ), c AS (
      SELECT l.*, c.code, c.name, c.segment >= '70' AS service,
             CASE WHEN c.segment >= '70' THEN regexp_replace(lower(c.name), '^servicios de ', '') ELSE lower(c.name) END AS object,
             sum(w) OVER (PARTITION BY i ORDER BY k) AS cum, sum(w) OVER (PARTITION BY i) AS total_w
        FROM l JOIN bench_tender_class c ON c.idx = l.class_idx
    )
    SELECT i, k, code, name, service, object,
           CASE WHEN r_two < 0.2 THEN ARRAY[code, (SELECT x.code FROM bench_tender_class x WHERE x.idx = 1 + c.class_idx % c.classes)] ELSE ARRAY[code] END AS classes,
           (floor(value_cop * cum / total_w / 1000) - floor(value_cop * (cum - w) / total_w / 1000)) * 1000 AS value_cop,
           CASE WHEN service THEN 1 + floor(r_qty * 12) ELSE 1 + floor(power(r_qty, 3) * 2000) END AS quantity,
           CASE WHEN service THEN ($2::text[])[1 + floor(r_unit * cardinality($2::text[]))::int]
                ELSE ($1::text[])[1 + floor(r_unit * cardinality($1::text[]))::int] END AS unit,
           r_res < CASE modality WHEN 'minima_cuantia' THEN 0.25 WHEN 'licitacion_publica' THEN 0.08 ELSE 0.15 END AS mipymes,
           r_ep < 0.03 AS economia_popular,
           CASE WHEN NOT service AND r_nat < 0.1 THEN 40 + floor(r_nat * 300)::int END AS national_percent
      FROM c`,
    [GOODS_UNITS, SERVICE_UNITS],
  );
  await q.query(`ALTER TABLE bench_lot ADD PRIMARY KEY (i, k)`);
}

const TITLE_VERB = `CASE WHEN first.service THEN ${pick('bench_service_verb_slot', 't.r_verb')} ELSE ${pick('bench_goods_verb_slot', 't.r_verb')} END`;

async function insertTenders(q: QueryRunner): Promise<void> {
  await q.query(
    `INSERT INTO tenders (id, reference, buyer_organization_id, title, description, modality, productive_bet, execution_department,
       execution_municipality, estimated_value_cop, status, schedule, closing_time, closing_at, criteria, version, limitation, status_reason,
       published_at, opened_at, closed_at, cancelled_at, created_at, updated_at)
     SELECT ${uuidOf('d000', 't.i')}, 'ESL-' || to_char(coalesce(dates.published_at, now()), 'YYYY') || '-' || lpad(t.i::text, 6, '0'),
            t.buyer_id, verb || ' ' || first.object || CASE WHEN dest <> '' THEN ' ' || replace(dest, '{place}', place.name) ELSE '' END,
            verb || ' ' || objects.text || ' para ' || t.buyer_name || '. ' || ${pick('bench_phrase_slot', 't.r_phrase')} || ' '
              || ${pick('bench_phrase_slot', 't.r_phrase2')},
            t.modality, nullif(${pick('bench_bet_slot', 't.r_bet')}, ''), place.department, place.municipality, t.value_cop, t.status,
            jsonb_build_object('opening', dates.opening, 'closing', t.closing_date)
              || CASE WHEN t.draft_days > 0 THEN jsonb_build_object('draftPublication', (t.closing_date - t.call_days - t.draft_days)) ELSE '{}' END,
            t.closing_time, dates.closing_at, $1::jsonb,
            CASE WHEN t.status = 'draft' THEN 0 ELSE 1 + (t.r_version < 0.2)::int + (t.r_version < 0.05)::int END,
            CASE WHEN t.status NOT IN ('draft', 'published_draft') AND t.r_limited < 0.1
                      AND t.modality IN ('minima_cuantia', 'seleccion_abreviada_menor_cuantia')
                 THEN jsonb_build_object('limited', true, 'decidedAt', dates.opened_at, 'thresholdCop', '1459680000', 'validRequestIds', '[]'::jsonb,
                        'ruleVersionId', (SELECT id FROM rule_parameter_versions WHERE parameter = 'mipyme_call_threshold' LIMIT 1)) END,
            CASE t.status WHEN 'void' THEN 'Ninguna oferta cumplió los requisitos habilitantes.'
                          WHEN 'cancelled' THEN 'Revocatoria por motivos de interés público.' END,
            dates.published_at, dates.opened_at,
            CASE WHEN t.status IN ('closed', 'under_evaluation', 'awarded', 'void') THEN dates.closing_at END,
            CASE WHEN t.status = 'cancelled' THEN dates.published_at + (dates.closing_at - dates.published_at) * t.r_days END,
            coalesce(dates.published_at, now()) - interval '3 days', coalesce(dates.published_at, now())
       FROM bench_tender t
       JOIN bench_lot first ON first.i = t.i AND first.k = 1
       CROSS JOIN LATERAL (SELECT CASE WHEN cardinality(o) = 1 THEN o[1] ELSE array_to_string(o[1:cardinality(o) - 1], ', ') || ' y ' || o[cardinality(o)] END AS text
                             FROM (SELECT array_agg(DISTINCT l.object) AS o FROM bench_lot l WHERE l.i = t.i) x) objects
       -- National buyers execute anywhere, like supplier domiciles (half the large cities, half any municipality); the others at home.
       LEFT JOIN bench_city city ON t.grp IN ('national', 'state_company') AND t.r_place < 0.5
                                 AND city.idx = 1 + floor(t.r_place * 2 * (SELECT count(*) FROM bench_city))::int
       LEFT JOIN bench_muni anywhere ON t.grp IN ('national', 'state_company') AND t.r_place >= 0.5
                                     AND anywhere.idx = 1 + floor((t.r_place - 0.5) * 2 * (SELECT count(*) FROM bench_muni))::int
       LEFT JOIN bench_dept_muni gov ON t.grp = 'gobernacion' AND gov.department = t.buyer_department AND gov.k = 1 + floor(t.r_place * gov.n)::int
       -- Every buyer has a place; the call names its municipality most of the time, else only the department.
       CROSS JOIN LATERAL (SELECT coalesce(city.code, anywhere.code, gov.code, t.buyer_municipality) AS code) here
       CROSS JOIN LATERAL (SELECT here.code AS code, left(here.code, 2) AS department,
                                  t.r_muni < CASE t.grp WHEN 'gobernacion' THEN 0.5 WHEN 'national' THEN 0.6 ELSE 0.9 END AS named) p
       CROSS JOIN LATERAL (SELECT p.department, CASE WHEN p.named THEN p.code END AS municipality,
                                  (SELECT bench_title(CASE WHEN p.named THEN m.name ELSE m.department_name END)
                                     FROM divipola_municipalities m WHERE m.code = p.code) AS name) place
       CROSS JOIN LATERAL (SELECT ${TITLE_VERB} AS verb, ${pick('bench_destination_slot', 't.r_dest')} AS dest) words
       CROSS JOIN LATERAL (SELECT (t.closing_date + t.closing_time::time) AT TIME ZONE 'America/Bogota' AS closing_at,
                                  (t.closing_date - t.call_days) AS opening) c
       CROSS JOIN LATERAL (SELECT c.closing_at, c.opening,
                                  CASE WHEN t.status <> 'draft' THEN c.closing_at - (t.call_days + t.draft_days) * interval '1 day' - interval '8 hours' END AS published_at,
                                  CASE WHEN t.status NOT IN ('draft', 'published_draft', 'cancelled')
                                       THEN (c.opening + time '08:00') AT TIME ZONE 'America/Bogota' END AS opened_at) dates`,
    [JSON.stringify(CRITERIA)],
  );
  await q.query(
    `INSERT INTO tender_lots (id, tender_id, position, title, description, unspsc_classes, quantity, unit, estimated_value_cop,
       reserved_for_mipymes, reserved_for_economia_popular, territorial_limitation, national_component_min_percent)
     SELECT ${uuidOf('e000', 'l.i * 8 + l.k')}, ${uuidOf('d000', 'l.i')}, l.k - 1,
            CASE WHEN t.lot_count = 1 THEN l.name ELSE 'Lote ' || l.k || ': ' || l.name END, '', l.classes, l.quantity, l.unit, l.value_cop,
            l.mipymes, l.economia_popular, NULL, l.national_percent
       FROM bench_lot l JOIN bench_tender t ON t.i = l.i`,
  );
  // Later tenders made through the services continue the reference numbers.
  await q.query(`SELECT setval('tender_reference_seq', (SELECT count(*) FROM bench_tender) + 1)`);
}

export interface TenderLoadSummary {
  buyers: number;
  tenders: number;
  /** Tenders the search indexes: all but drafts. */
  published: number;
  live: number;
  lots: number;
  reservedLots: number;
  seconds: number;
}

/** Fills tenders and tender_lots (and their buyers) of a migrated database with `m` tenders, on one connection. */
export async function loadSyntheticTenders(q: QueryRunner, m: number = DEFAULT_TENDERS): Promise<TenderLoadSummary> {
  const started = performance.now();
  // JIT would compile these one-off statements for longer than they run.
  await q.query(`SET jit = off`);
  await createTenderHelperTables(q);
  const buyers = await insertBuyers(q);
  await drawTenders(q, m);
  await drawLots(q);
  await insertTenders(q);
  await q.query(`RESET jit`);
  for (const t of ['organizations', 'buyer_profiles', 'tenders', 'tender_lots']) await q.query(`VACUUM ANALYZE ${t}`);
  const [counts] = await q.query(`SELECT (SELECT count(*) FROM tenders)::int AS tenders,
       (SELECT count(*) FROM tenders WHERE status <> 'draft')::int AS published,
       (SELECT count(*) FROM tenders WHERE status IN ('published_draft', 'open'))::int AS live,
       (SELECT count(*) FROM tender_lots)::int AS lots,
       (SELECT count(*) FROM tender_lots WHERE reserved_for_mipymes OR reserved_for_economia_popular)::int AS "reservedLots"`);
  return { buyers, ...counts, seconds: (performance.now() - started) / 1000 };
}

export interface IndexSummary {
  indexed: number;
  terms: number;
  seconds: number;
}

/**
 * Builds the search index from the tenders with the real code — `reindexTenders` with the PostgreSQL engine,
 * what `npm run reindex` runs — and analyzes it; only the reindex itself is timed.
 */
export async function buildSearchIndex(db: DataSource): Promise<IndexSummary> {
  const started = performance.now();
  const indexed = await reindexTenders(db, new PostgresSearchEngine(db));
  const seconds = (performance.now() - started) / 1000;
  for (const t of ['tender_search_documents', 'search_terms']) await db.query(`VACUUM ANALYZE ${t}`);
  const [{ terms }] = await db.query(`SELECT count(*)::int AS terms FROM search_terms`);
  return { indexed, terms, seconds };
}
