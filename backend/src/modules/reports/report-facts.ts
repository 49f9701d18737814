import { NATIONAL_INDUSTRY_STATUSES, isNationalOffer } from '@eslabon/contracts';
import { FOOD_UNSPSC_SEGMENTS, REPORT_MEASURES } from '@eslabon/domain';
import type { EntityManager } from 'typeorm';
import { snakeCase } from '../../core/database/snake-naming.strategy';

export const MEASURE_COLUMNS = REPORT_MEASURES.map(snakeCase);
const NATIONAL = NATIONAL_INDUSTRY_STATUSES.filter(isNationalOffer);

/** The dimensions a rollup may keep, each a bit of `report_rollups.dims`, with the value it holds when left out. */
export const ROLLUP_DIMENSIONS = [
  { column: 'buyer_organization_id', bit: 1, absent: `'00000000-0000-0000-0000-000000000000'::uuid` },
  { column: 'department', bit: 2, absent: `''` },
  { column: 'segment', bit: 4, absent: `''` },
  { column: 'productive_bet', bit: 8, absent: `''` },
  { column: 'modality', bit: 16, absent: `''` },
] as const;
export type RollupColumn = (typeof ROLLUP_DIMENSIONS)[number]['column'];
export const ALL_DIMENSIONS = 31;

/** The sets kept: none, each one, each pair, and all five (a query with three or more dimensions reads all five). */
export const ROLLUP_SETS: readonly number[] = [
  0,
  ...ROLLUP_DIMENSIONS.map((d) => d.bit),
  ...ROLLUP_DIMENSIONS.flatMap((a, i) => ROLLUP_DIMENSIONS.slice(i + 1).map((b) => a.bit | b.bit)),
  ALL_DIMENSIONS,
];

/** The smallest kept set holding every one of `bits`. */
export function rollupSetFor(bits: number): number {
  return ROLLUP_SETS.find((set) => (set & bits) === bits) ?? ALL_DIMENSIONS;
}

const KEY = ['dims', 'month', ...ROLLUP_DIMENSIONS.map((d) => d.column)];

/**
 * The facts of every lot of the decided tenders in `$1` (all decided tenders when null), from the
 * records of the decision: the award's value, size class and national-industry status as they were
 * decided, and the bid's women-led fact as submitted. What each measure means is written once here
 * and in REPORT_INDICATOR_DEFINITIONS; a lot counts in the month (Bogotá) its tender was decided.
 */
const FACTS_SQL = `
WITH lot AS (
  SELECT t.id AS tender_id, l.id AS lot_id, t.buyer_organization_id, t.execution_department AS department,
         coalesce(substr(l.unspsc_classes[1], 1, 2), '') AS segment, coalesce(t.productive_bet, '') AS productive_bet, t.modality,
         coalesce((t.limitation->>'limited')::boolean, false) AS limited,
         (l.reserved_for_mipymes OR l.reserved_for_economia_popular) AS reserved,
         l.estimated_value_cop, l.position, coalesce(a.outcome = 'awarded', false) AS awarded,
         a.value_cop, a.national_industry, a.size_class, coalesce((b.bidder_facts->>'womenLed')::boolean, false) AS women_led,
         p.supplier_type, p.domicile_department, coalesce(p.acfc, false) AS acfc,
         coalesce(max(a.decided_at) OVER (PARTITION BY t.id), t.updated_at) AS decided_at,
         min(l.position) OVER (PARTITION BY t.id) AS first_position,
         coalesce(bool_or(a.outcome = 'awarded') OVER (PARTITION BY t.id), false) AS any_awarded
    FROM tenders t
    JOIN tender_lots l ON l.tender_id = t.id
    LEFT JOIN awards a ON a.lot_id = l.id
    LEFT JOIN bids b ON b.id = a.bid_id
    LEFT JOIN supplier_profiles p ON p.organization_id = a.supplier_organization_id
   WHERE t.status IN ('awarded', 'void') AND ($1::uuid[] IS NULL OR t.id = ANY($1))
), lot_bids AS (
  SELECT x.lot_id, count(*) AS n
    FROM (SELECT unnest(lot_ids) AS lot_id FROM bids
           WHERE status = 'submitted' AND tender_id IN (SELECT DISTINCT tender_id FROM lot)) x
   GROUP BY x.lot_id
), bidders AS (
  SELECT tender_id, count(DISTINCT supplier_organization_id) AS n FROM bids
   WHERE status = 'submitted' AND tender_id IN (SELECT DISTINCT tender_id FROM lot) GROUP BY tender_id
), f AS (
  SELECT lot.*, (decided_at AT TIME ZONE 'America/Bogota')::date AS decided_on,
         CASE WHEN awarded THEN value_cop ELSE 0 END AS v,
         coalesce(lot_bids.n, 0) AS bid_count, coalesce(bidders.n, 0) AS bidder_count,
         (position = first_position) AS first
    FROM lot LEFT JOIN lot_bids ON lot_bids.lot_id = lot.lot_id LEFT JOIN bidders ON bidders.tender_id = lot.tender_id
)
INSERT INTO report_lot_facts (lot_id, tender_id, buyer_organization_id, decided_on, month, department, segment, productive_bet, modality,
                              ${MEASURE_COLUMNS.join(', ')})
SELECT lot_id, tender_id, buyer_organization_id, decided_on, date_trunc('month', decided_on)::date, department, segment, productive_bet, modality,
       1,
       CASE WHEN awarded THEN 1 ELSE 0 END,
       CASE WHEN awarded THEN 0 ELSE 1 END,
       CASE WHEN reserved THEN 1 ELSE 0 END,
       bid_count,
       CASE WHEN bid_count = 1 THEN 1 ELSE 0 END,
       CASE WHEN first THEN 1 ELSE 0 END,
       CASE WHEN first AND NOT any_awarded THEN 1 ELSE 0 END,
       CASE WHEN first AND bidder_count = 1 THEN 1 ELSE 0 END,
       CASE WHEN first THEN bidder_count ELSE 0 END,
       CASE WHEN first AND limited THEN 1 ELSE 0 END,
       CASE WHEN awarded THEN estimated_value_cop ELSE 0 END,
       v,
       CASE WHEN national_industry = ANY($2::text[]) THEN v ELSE 0 END,
       CASE WHEN size_class = 'micro' THEN v ELSE 0 END,
       CASE WHEN size_class = 'pequena' THEN v ELSE 0 END,
       CASE WHEN size_class = 'mediana' THEN v ELSE 0 END,
       CASE WHEN supplier_type = 'economia_popular' THEN v ELSE 0 END,
       CASE WHEN women_led THEN v ELSE 0 END,
       CASE WHEN supplier_type = 'cooperative' THEN v ELSE 0 END,
       CASE WHEN domicile_department = department THEN v ELSE 0 END,
       CASE WHEN limited THEN v ELSE 0 END,
       CASE WHEN reserved THEN v ELSE 0 END,
       CASE WHEN segment = ANY($3::text[]) THEN v ELSE 0 END,
       CASE WHEN segment = ANY($3::text[]) AND acfc THEN v ELSE 0 END
  FROM f`;

/** Adds (sign 1) or takes away (sign -1) the facts of `$1`'s tenders from every rollup. */
const rollupSql = (sign: 1 | -1) => `
INSERT INTO report_rollups (${KEY.join(', ')}, ${MEASURE_COLUMNS.join(', ')})
SELECT s.dims, f.month, ${ROLLUP_DIMENSIONS.map((d) => `CASE WHEN s.dims & ${d.bit} > 0 THEN f.${d.column} ELSE ${d.absent} END`).join(', ')},
       ${MEASURE_COLUMNS.map((c) => `${sign} * sum(f.${c})`).join(', ')}
  FROM report_lot_facts f CROSS JOIN unnest($2::smallint[]) AS s(dims)
 WHERE $1::uuid[] IS NULL OR f.tender_id = ANY($1)
 GROUP BY ${KEY.map((_, i) => i + 1).join(', ')} ORDER BY ${KEY.map((_, i) => i + 1).join(', ')}
ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = report_rollups.${c} + excluded.${c}`).join(', ')}
RETURNING ${KEY.map((k) => (k === 'month' ? 'month::text AS month' : k)).join(', ')}, lots`;

/**
 * Each supplier's part in the tenders `$1` decided, as a bit per month of the year: matched to one
 * (the matching job's list), bid (a submitted bid), won (an awarded lot). Bits only ever turn on, so a
 * repeated refresh is harmless.
 */
const SUPPLIER_YEARS_SQL = `
WITH months AS (SELECT DISTINCT tender_id, month FROM report_lot_facts WHERE $1::uuid[] IS NULL OR tender_id = ANY($1)),
part AS (
  SELECT extract(year FROM m.month)::smallint AS year, 1 << (extract(month FROM m.month)::int - 1) AS bit, x.org, x.matched, x.bidding, x.awarded
    FROM months m JOIN (
    SELECT tender_id, organization_id AS org, true AS matched, false AS bidding, false AS awarded FROM tender_matches
     WHERE tender_id IN (SELECT tender_id FROM months)
    UNION ALL SELECT tender_id, supplier_organization_id, false, true, false FROM bids
     WHERE status = 'submitted' AND tender_id IN (SELECT tender_id FROM months)
    UNION ALL SELECT tender_id, supplier_organization_id, false, false, true FROM awards
     WHERE outcome = 'awarded' AND tender_id IN (SELECT tender_id FROM months)
  ) x ON x.tender_id = m.tender_id
)
INSERT INTO report_supplier_years (year, supplier_organization_id, size_class, department, matched_months, bidding_months, awarded_months)
SELECT part.year, part.org, coalesce(p.size_class, 'unclassified'), p.domicile_department,
       bit_or(CASE WHEN matched THEN bit ELSE 0 END), bit_or(CASE WHEN bidding THEN bit ELSE 0 END), bit_or(CASE WHEN awarded THEN bit ELSE 0 END)
  FROM part LEFT JOIN supplier_profiles p ON p.organization_id = part.org
 GROUP BY part.year, part.org, p.size_class, p.domicile_department
ON CONFLICT (year, supplier_organization_id) DO UPDATE SET
  matched_months = report_supplier_years.matched_months | excluded.matched_months,
  bidding_months = report_supplier_years.bidding_months | excluded.bidding_months,
  awarded_months = report_supplier_years.awarded_months | excluded.awarded_months`;

type RollupKey = Record<string, string> & { lots: string };
const keyOf = (k: RollupKey) => KEY.map((c) => String(k[c])).join('|');

/**
 * Rebuilds the facts of the given decided tenders and moves every rollup by the difference, inside
 * the caller's transaction, so the rollups always equal the sums of the facts. With null, rebuilds
 * everything from the procurement tables (backfill, restore).
 */
export async function refreshReportFacts(em: EntityManager, tenderIds: string[] | null): Promise<void> {
  if (tenderIds === null) {
    await em.query(`TRUNCATE report_lot_facts, report_rollups, report_supplier_years`);
    await em.query(FACTS_SQL, [null, NATIONAL, FOOD_UNSPSC_SEGMENTS]);
    await em.query(rollupSql(1), [null, ROLLUP_SETS]);
    await em.query(SUPPLIER_YEARS_SQL, [null]);
    return;
  }
  const emptied: RollupKey[] = await em.query(rollupSql(-1), [tenderIds, ROLLUP_SETS]);
  await em.query(`DELETE FROM report_lot_facts WHERE tender_id = ANY($1)`, [tenderIds]);
  await em.query(FACTS_SQL, [tenderIds, NATIONAL, FOOD_UNSPSC_SEGMENTS]);
  const touched = new Set((await em.query(rollupSql(1), [tenderIds, ROLLUP_SETS])).map(keyOf));
  for (const k of emptied.filter((e) => Number(e.lots) === 0 && !touched.has(keyOf(e))))
    await em.query(
      `DELETE FROM report_rollups WHERE ${KEY.map((c, i) => `${c} = $${i + 1}`).join(' AND ')} AND lots = 0`,
      KEY.map((c) => k[c]),
    );
  await em.query(SUPPLIER_YEARS_SQL, [tenderIds]);
}
