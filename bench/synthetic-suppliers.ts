import type { QueryRunner } from 'typeorm';
import { ACTIVITIES, CITY_WEIGHTS, EXTRA_PHRASES, FIRST_MEN, FIRST_WOMEN, PLACES, SURNAMES } from './synthetic-values';

/**
 * National-scale synthetic supplier registry, written with set-based SQL (generate_series + joins on
 * small helper tables), never through the services: 200 000 suppliers load in well under a minute.
 * Value shapes follow backend/src/demo/demo-data.ts; every draw comes from random() after setseed(),
 * so a run with the same N produces the same data.
 */

/** A deterministic uuid for row `i` (an SQL expression) of a kind of row (`namespace`, 4 hex digits). */
export const uuidOf = (namespace: string, i: string) => `('00000000-0000-4000-${namespace}-' || lpad(to_hex(${i}), 12, '0'))::uuid`;

/**
 * Small lookup tables the generators join on by index (bench_muni, bench_city, bench_class, bench_activity,
 * bench_activity_slot), created once per database; dropped with the bench database.
 */
export async function ensureHelperTables(q: QueryRunner): Promise<void> {
  const [{ present }] = await q.query(`SELECT to_regclass('bench_muni') IS NOT NULL AS present`);
  if (present) return;
  await q.query(`CREATE UNLOGGED TABLE bench_muni AS
    SELECT row_number() OVER (ORDER BY code)::int AS idx, code FROM divipola_municipalities`);
  await q.query(
    `CREATE UNLOGGED TABLE bench_city AS
    SELECT row_number() OVER ()::int AS idx, code FROM unnest($1::text[]) AS code`,
    [Object.entries(CITY_WEIGHTS).flatMap(([code, w]) => Array<string>(w).fill(code))],
  );
  // `popularity` is a fixed shuffle of the classes: a power law over it makes a few classes common.
  await q.query(`CREATE UNLOGGED TABLE bench_class AS
    SELECT row_number() OVER (ORDER BY code)::int AS idx, row_number() OVER (ORDER BY md5(code))::int AS popularity, code
      FROM unspsc_codes WHERE level = 'class'`);
  await q.query(
    `CREATE UNLOGGED TABLE bench_activity AS
    SELECT a.idx::int, a.trade, a.sector, string_to_array(a.classes, ',') AS classes, a.description, a.product_name, a.product_class
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           WITH ORDINALITY AS a(trade, sector, classes, description, product_name, product_class, idx)`,
    [
      ACTIVITIES.map((a) => a.trade),
      ACTIVITIES.map((a) => a.sector),
      ACTIVITIES.map((a) => a.classes.join(',')),
      ACTIVITIES.map((a) => a.description),
      ACTIVITIES.map((a) => a.product?.name ?? null),
      ACTIVITIES.map((a) => a.product?.unspscClass ?? null),
    ],
  );
  await q.query(
    `CREATE UNLOGGED TABLE bench_activity_slot AS
    SELECT row_number() OVER ()::int AS slot, activity FROM unnest($1::int[]) AS activity`,
    [ACTIVITIES.flatMap((a, i) => Array<number>(a.weight).fill(i + 1))],
  );
  for (const t of ['bench_muni', 'bench_city', 'bench_class', 'bench_activity', 'bench_activity_slot']) {
    await q.query(`ALTER TABLE ${t} ADD PRIMARY KEY (${t === 'bench_activity_slot' ? 'slot' : 'idx'})`);
  }
  await q.query(`CREATE UNIQUE INDEX ON bench_class (popularity)`);
  await q.query(`CREATE UNIQUE INDEX ON bench_muni (code)`);
}

/**
 * One row per supplier with every attribute drawn: the source of the INSERTs below.
 * Shares: 4% never finished the identity step, 1% organizations rejected, 25% national coverage,
 * 55% company / 25% natural person / 8% cooperative / 12% economía popular, 70% micro,
 * ~30% women-led, 25% verified, 3–6 UNSPSC classes around the activity's own.
 * With `everyone` (a UNSPSC class), every supplier is registered, active, of national coverage and
 * offers that class besides its own: all of them match a tender of that class.
 */
async function drawSuppliers(q: QueryRunner, n: number, everyone: string | null): Promise<void> {
  await q.query(`SELECT setseed(0.2026)`);
  await q.query(
    `CREATE UNLOGGED TABLE bench_supplier AS
     WITH r AS MATERIALIZED (
       SELECT i, random() AS r_act, random() AS r_type, random() AS r_where, random() AS r_muni, random() AS r_cov,
              random() AS r_cov2, random() AS r_size, random() AS r_women, random() AS r_ver, random() AS r_misc,
              random() AS r_cls, random() AS r_ncls, random() AS r_prod, random() AS r_name, random() AS r_name2, random() AS r_status
         FROM generate_series(1, $1::int) AS i
     ), d AS (
       SELECT r.*,
              CASE WHEN r_type < 0.55 THEN 'company' WHEN r_type < 0.80 THEN 'natural_person'
                   WHEN r_type < 0.88 THEN 'cooperative' ELSE 'economia_popular' END AS supplier_type,
              CASE WHEN r_size < 0.70 THEN 'micro' WHEN r_size < 0.90 THEN 'pequena' WHEN r_size < 0.97 THEN 'mediana' ELSE 'grande' END AS size_class,
              CASE WHEN r_cov < 0.25 OR $2::text IS NOT NULL THEN 'national' WHEN r_cov < 0.80 THEN 'departments'
                   ELSE 'municipalities' END AS coverage_scope,
              1 + floor(r_act * (SELECT count(*) FROM bench_activity_slot))::int AS slot,
              1 + floor(r_muni * CASE WHEN r_where < 0.5 THEN (SELECT count(*) FROM bench_city) ELSE (SELECT count(*) FROM bench_muni) END)::int AS place,
              1 + floor(power(r_cls, 3) * (SELECT count(*) FROM bench_class))::int AS anchor_popularity,
              3 + floor(r_ncls * 4)::int AS class_count
         FROM r
     )
     SELECT d.i, ${uuidOf('a000', 'd.i')} AS id, ${uuidOf('b000', 'd.i')} AS classification_id,
            (d.r_misc >= 0.04 OR $2::text IS NOT NULL) AS registered, (d.r_status >= 0.01 OR $2::text IS NOT NULL) AS active,
            d.supplier_type, d.size_class, d.coverage_scope, a.idx AS activity, a.sector,
            m.code AS municipality, left(m.code, 2) AS department, m.idx AS muni_idx,
            d.r_women < 0.30 AS women_led, d.r_ver, d.r_cov2, d.r_prod, d.r_name, d.r_name2, d.r_misc,
            -- The activity's classes, then neighbours (same family or segment) of a power-law anchor.
            array_remove(ARRAY[$2::text], NULL) || a.classes || ARRAY(SELECT c.code FROM bench_class c
                                WHERE c.idx >= anchor.idx AND c.idx < anchor.idx + greatest(d.class_count - cardinality(a.classes), 1)) AS classes
       FROM d
       JOIN bench_activity_slot s ON s.slot = d.slot
       JOIN bench_activity a ON a.idx = s.activity
       LEFT JOIN bench_city city ON d.r_where < 0.5 AND city.idx = d.place
       LEFT JOIN bench_muni anywhere ON d.r_where >= 0.5 AND anywhere.idx = d.place
       JOIN bench_muni m ON m.code = coalesce(city.code, anywhere.code)
       JOIN bench_class anchor ON anchor.popularity = d.anchor_popularity`,
    [n, everyone],
  );
  await q.query(`ALTER TABLE bench_supplier ADD PRIMARY KEY (i)`);
}

/** `CROSS JOIN LATERAL … dv`: DIAN's modulo-11 check digit (`dv.digit`) of the NIT text `nit` (RULES.md §9). */
export const checkDigitJoin = (nit: string) => `CROSS JOIN LATERAL (SELECT CASE WHEN t % 11 < 2 THEN t % 11 ELSE 11 - t % 11 END AS digit
       FROM (SELECT sum(substr(reverse(${nit}), k, 1)::int * (ARRAY[3,7,13,17,19,23,29,37,41,43,47,53,59,67,71])[k]) AS t
               FROM generate_series(1, length(${nit})) AS k) w) dv`;

/** Legal name by supplier type, as in demo-data.ts: "Confecciones Rojas Andina S.A.S.", "Cooperativa …", a person. */
const LEGAL_NAME = `CASE s.supplier_type
    WHEN 'natural_person' THEN person.name
    WHEN 'cooperative' THEN 'Cooperativa Multiactiva de ' || a.trade || ' ' || place
    WHEN 'economia_popular' THEN 'Asociación de ' || a.trade || ' ' || place
    ELSE a.trade || ' ' || surname || ' ' || place || CASE WHEN s.r_name2 < 0.7 THEN ' S.A.S.' ELSE ' Ltda.' END END`;

async function insertRegistry(q: QueryRunner): Promise<void> {
  await q.query(`INSERT INTO organizations (id, kind, name, status, created_at)
    SELECT s.id, 'supplier', 'Proveedor ' || s.i, CASE WHEN s.active THEN 'active' ELSE 'rejected' END,
           now() - (s.r_misc * interval '3 years')
      FROM bench_supplier s`);
  // The wizard's empty row for suppliers that never saved their identity.
  await q.query(`INSERT INTO supplier_profiles (organization_id) SELECT id FROM bench_supplier WHERE NOT registered`);
  await q.query(
    `INSERT INTO supplier_profiles (organization_id, person_type, legal_name, trade_name, nit, check_digit, legal_representative,
       contact_email, contact_phone, domicile_municipality, domicile_department, coverage_scope, coverage_codes, supplier_type, sector,
       income_cop, income_year, constituted_on, women_led, women_led_criteria, tie_break, rup_number, rup_expires_on, size_class,
       size_classification_id, description, certifications, verification_status, verification_reason, verification_decided_at, created_at, updated_at)
     SELECT s.id, CASE WHEN s.supplier_type = 'natural_person' THEN 'natural' ELSE 'legal' END,
            ${LEGAL_NAME},
            CASE WHEN s.supplier_type = 'natural_person' THEN a.trade || ' ' || place END,
            nit, dv.digit::text, person.name,
            'contacto' || s.i || '@proveedor' || s.i || '.com.co',
            '+57 3' || lpad((10 + s.i % 40)::text, 2, '0') || ' ' || lpad((s.i % 1000)::text, 3, '0') || ' ' || lpad((s.i % 10000)::text, 4, '0'),
            s.municipality, s.department, s.coverage_scope,
            CASE s.coverage_scope
              WHEN 'national' THEN '{}'::text[]
              -- Their own department and up to two others.
              WHEN 'departments' THEN ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[s.department,
                   (SELECT left(code, 2) FROM bench_muni WHERE idx = 1 + (s.muni_idx + 97 * (s.i % 13)) % munis.n),
                   CASE WHEN s.r_cov2 < 0.4 THEN (SELECT left(code, 2) FROM bench_muni WHERE idx = 1 + (s.muni_idx * 7 + s.i) % munis.n) END]) x
                   WHERE x IS NOT NULL ORDER BY x)
              -- Their own municipality and a few neighbours in code order.
              ELSE ARRAY(SELECT code FROM bench_muni WHERE idx BETWEEN s.muni_idx AND s.muni_idx + 1 + floor(s.r_cov2 * 4)::int ORDER BY code)
            END,
            s.supplier_type, s.sector,
            (CASE s.size_class WHEN 'micro' THEN 80e6 + s.r_name * 900e6 WHEN 'pequena' THEN 2e9 + s.r_name * 6e9
                               WHEN 'mediana' THEN 15e9 + s.r_name * 50e9 ELSE 150e9 + s.r_name * 500e9 END)::numeric(20, 0),
            2025, date '1990-01-01' + (s.r_name2 * 12400)::int,
            CASE WHEN NOT s.women_led THEN '{}'::jsonb
                 WHEN s.supplier_type = 'natural_person' THEN '{"soleProprietorSince":"2019-05-01"}'::jsonb
                 ELSE '{"ownership":{"women":3,"total":5,"since":"2018-01-10"}}'::jsonb END,
            CASE WHEN NOT s.women_led THEN '{}'::text[]
                 WHEN s.supplier_type = 'natural_person' THEN '{sole_proprietor}'::text[]
                 WHEN s.r_name < 0.4 THEN '{ownership,management}'::text[] ELSE '{ownership}'::text[] END,
            CASE WHEN s.i % 7 = 0 THEN '{"disabilityPayrollPercent":12}'::jsonb ELSE '{}'::jsonb END,
            CASE WHEN s.i % 5 < 2 THEN 'RUP-' || lpad(s.i::text, 7, '0') END, CASE WHEN s.i % 5 < 2 THEN date '2027-04-30' END,
            s.size_class, s.classification_id,
            a.description || ' ' || ${arrayPick('$3', 's.i % 8')},
            CASE WHEN s.i % 5 = 0 THEN 'ISO 9001:2015' ELSE '' END,
            CASE WHEN s.r_ver < 0.25 THEN 'verified' WHEN s.r_ver < 0.28 THEN 'rejected' ELSE 'unverified' END,
            CASE WHEN s.r_ver >= 0.25 AND s.r_ver < 0.28 THEN 'El RUT adjunto no corresponde al NIT declarado' END,
            CASE WHEN s.r_ver < 0.28 THEN now() - s.r_ver * interval '300 days' END,
            now() - (s.r_misc * interval '3 years'), now() - (s.r_prod * interval '1 year')
       FROM bench_supplier s
       JOIN bench_activity a ON a.idx = s.activity
       CROSS JOIN (SELECT count(*)::int AS n FROM bench_muni) munis
       CROSS JOIN LATERAL (SELECT ${arrayPick('$1', 'floor(s.r_name * 20)')} AS place,
                                  ${arrayPick('$2', 'floor(s.r_name2 * 18)')} AS surname,
                                  (CASE WHEN s.supplier_type = 'natural_person' THEN 1000000000 ELSE 800000000 END + s.i)::text AS nit) names
       CROSS JOIN LATERAL (SELECT (CASE WHEN s.women_led THEN ${arrayPick('$4', 's.i % 10')} ELSE ${arrayPick('$5', 's.i % 10')} END)
                                  || ' ' || surname || ' ' || ${arrayPick('$2', '(s.i * 7 + 3) % 18')} AS name) person
       ${checkDigitJoin('nit')}
      WHERE s.registered`,
    [PLACES, SURNAMES, EXTRA_PHRASES, FIRST_WOMEN, FIRST_MEN],
  );
}

/** `arr[1 + index]` on a text[] parameter (PostgreSQL arrays start at 1). */
function arrayPick(param: string, index: string): string {
  return `(${param}::text[])[1 + (${index})::int]`;
}

async function insertCapabilities(q: QueryRunner): Promise<void> {
  // The classification in force, with the 2025 UVT and the Decreto 957 thresholds shipped in the migration.
  await q.query(`INSERT INTO supplier_size_classifications (id, organization_id, size_class, sector, income_cop, income_year, uvt_cop,
       uvt_version_id, thresholds_version_id, bound_from_uvt, bound_to_uvt, mipyme)
     SELECT s.classification_id, s.id, p.size_class, p.sector, p.income_cop, 2025, 49799, uvt.id, thr.id,
            CASE p.size_class WHEN 'micro' THEN NULL ELSE 1 END, CASE p.size_class WHEN 'grande' THEN NULL ELSE 1000000 END,
            p.supplier_type = 'cooperative' OR p.size_class <> 'grande'
       FROM bench_supplier s JOIN supplier_profiles p ON p.organization_id = s.id,
            (SELECT id FROM rule_parameter_versions WHERE parameter = 'uvt' AND period = '2025') uvt,
            (SELECT id FROM rule_parameter_versions WHERE parameter = 'size_thresholds') thr
      WHERE s.registered`);
  await q.query(`INSERT INTO supplier_unspsc_classes (organization_id, class_code)
     SELECT DISTINCT s.id, c FROM bench_supplier s, unnest(s.classes) AS c WHERE s.registered`);
  // 60% of manufacturers register one or two products in the RPBN; a fifth of the registrations expired.
  await q.query(`INSERT INTO supplier_national_products (organization_id, name, unspsc_class, rpbn_number, rpbn_expires_on)
     SELECT s.id, a.product_name || CASE WHEN k = 2 THEN ' (presentación industrial)' ELSE '' END, a.product_class,
            'RPBN-' || lpad(s.i::text, 7, '0') || '-' || k,
            CASE WHEN s.r_cov2 < 0.2 THEN date '2025-06-30' ELSE date '2026-09-30' + (s.r_name * 700)::int END
       FROM bench_supplier s JOIN bench_activity a ON a.idx = s.activity, generate_series(1, 2) AS k
      WHERE s.registered AND a.product_name IS NOT NULL AND s.r_prod < 0.6 AND (k = 1 OR s.r_prod < 0.2)`);
}

/** Stands in for an argon2id hash: no password verifies against it, and nobody signs in during a bench. */
export const NO_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hub3NhbHQ$bm8tcGFzc3dvcmQtZm9yLWJlbmNoLXVzZXJz';

/**
 * One supplier_admin user per registered supplier: the legal representative, with an address that was
 * never verified, so notices about tenders stay in the bell and no e-mail is queued for them.
 */
export async function loadSupplierMembers(q: QueryRunner): Promise<number> {
  await q.query(
    `INSERT INTO users (id, email, name, password_hash, locale, email_verified_at, created_at)
     SELECT ${uuidOf('c000', 's.i')}, 'usuario' || s.i || '@proveedor' || s.i || '.com.co', p.legal_representative, $1, 'es-CO', NULL, p.created_at
       FROM bench_supplier s JOIN supplier_profiles p ON p.organization_id = s.id WHERE s.registered`,
    [NO_PASSWORD_HASH],
  );
  await q.query(`INSERT INTO memberships (user_id, organization_id, role, created_at)
     SELECT ${uuidOf('c000', 's.i')}, s.id, 'supplier_admin', now() FROM bench_supplier s WHERE s.registered`);
  await q.query(`VACUUM ANALYZE users`);
  await q.query(`VACUUM ANALYZE memberships`);
  const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM memberships`);
  return n;
}

export interface LoadSummary {
  organizations: number;
  registered: number;
  classes: number;
  nationalProducts: number;
  seconds: number;
}

/** Fills the registry tables of a migrated database with `n` suppliers, on one connection. */
export async function loadSyntheticSuppliers(q: QueryRunner, n: number, options: { everyone?: string } = {}): Promise<LoadSummary> {
  const started = performance.now();
  await ensureHelperTables(q);
  await drawSuppliers(q, n, options.everyone ?? null);
  await insertRegistry(q);
  await insertCapabilities(q);
  for (const t of [
    'organizations',
    'supplier_profiles',
    'supplier_size_classifications',
    'supplier_unspsc_classes',
    'supplier_national_products',
  ]) {
    await q.query(`VACUUM ANALYZE ${t}`);
  }
  const [counts] = await q.query(`SELECT (SELECT count(*) FROM organizations)::int AS organizations,
       (SELECT count(*) FROM supplier_profiles WHERE legal_name IS NOT NULL)::int AS registered,
       (SELECT count(*) FROM supplier_unspsc_classes)::int AS classes,
       (SELECT count(*) FROM supplier_national_products)::int AS "nationalProducts"`);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
