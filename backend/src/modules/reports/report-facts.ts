import { NATIONAL_INDUSTRY_STATUSES, isNationalOffer } from '@eslabon/contracts';
import { FOOD_UNSPSC_SEGMENTS, REPORT_MEASURES } from '@eslabon/domain';
import type { EntityManager } from 'typeorm';
import { snakeCase } from '../../core/database/snake-naming.strategy';

export const MEASURE_COLUMNS = REPORT_MEASURES.map(snakeCase);
export const CUBE_DIMENSIONS = ['month', 'buyer_organization_id', 'department', 'segment', 'productive_bet', 'modality'] as const;
const DIMS = CUBE_DIMENSIONS.join(', ');
const NATIONAL = NATIONAL_INDUSTRY_STATUSES.filter(isNationalOffer);

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

/** Adds (sign 1) or takes away (sign -1) the facts of `$1`'s tenders from the cube. */
const cubeSql = (sign: 1 | -1) => `
INSERT INTO report_cube (${DIMS}, ${MEASURE_COLUMNS.join(', ')})
SELECT ${DIMS}, ${MEASURE_COLUMNS.map((c) => `${sign} * sum(${c})`).join(', ')}
  FROM report_lot_facts WHERE $1::uuid[] IS NULL OR tender_id = ANY($1)
 GROUP BY ${DIMS} ORDER BY ${DIMS}
ON CONFLICT (${DIMS}) DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = report_cube.${c} + excluded.${c}`).join(', ')}
RETURNING ${DIMS.replace('month', 'month::text AS month')}, lots`;

/**
 * Each supplier's part in the tenders `$1` decided: matched to one (the matching job's list), bid
 * (a submitted bid) and won (an awarded lot). Flags only ever turn on, so a repeated refresh is harmless.
 */
const SUPPLIER_MONTHS_SQL = `
WITH months AS (SELECT DISTINCT tender_id, month FROM report_lot_facts WHERE $1::uuid[] IS NULL OR tender_id = ANY($1)),
part AS (
  SELECT m.month, x.org, x.matched, x.bidding, x.awarded FROM months m JOIN (
    SELECT tender_id, organization_id AS org, true AS matched, false AS bidding, false AS awarded FROM tender_matches
    UNION ALL SELECT tender_id, supplier_organization_id, false, true, false FROM bids WHERE status = 'submitted'
    UNION ALL SELECT tender_id, supplier_organization_id, false, false, true FROM awards WHERE outcome = 'awarded'
  ) x ON x.tender_id = m.tender_id
)
INSERT INTO report_supplier_months (month, supplier_organization_id, size_class, department, matched, bidding, awarded)
SELECT part.month, part.org, coalesce(p.size_class, 'unclassified'), p.domicile_department, bool_or(matched), bool_or(bidding), bool_or(awarded)
  FROM part LEFT JOIN supplier_profiles p ON p.organization_id = part.org
 GROUP BY part.month, part.org, p.size_class, p.domicile_department
ON CONFLICT (month, supplier_organization_id) DO UPDATE SET
  matched = report_supplier_months.matched OR excluded.matched,
  bidding = report_supplier_months.bidding OR excluded.bidding,
  awarded = report_supplier_months.awarded OR excluded.awarded`;

type CubeKey = Record<(typeof CUBE_DIMENSIONS)[number], string> & { lots: string };

/**
 * Rebuilds the facts of the given decided tenders (null: of all) and moves the cube by the
 * difference, inside the caller's transaction, so the cube always equals the sum of the facts.
 */
export async function refreshReportFacts(em: EntityManager, tenderIds: string[] | null): Promise<void> {
  const emptied: CubeKey[] = await em.query(cubeSql(-1), [tenderIds]);
  await em.query(`DELETE FROM report_lot_facts WHERE $1::uuid[] IS NULL OR tender_id = ANY($1)`, [tenderIds]);
  await em.query(FACTS_SQL, [tenderIds, NATIONAL, FOOD_UNSPSC_SEGMENTS]);
  const touched: CubeKey[] = await em.query(cubeSql(1), [tenderIds]);
  const stillUsed = new Set(touched.map(cubeKey));
  const gone = emptied.filter((k) => Number(k.lots) === 0 && !stillUsed.has(cubeKey(k)));
  for (const k of gone)
    await em.query(
      `DELETE FROM report_cube WHERE ${CUBE_DIMENSIONS.map((d, i) => `${d} = $${i + 1}`).join(' AND ')} AND lots = 0`,
      CUBE_DIMENSIONS.map((d) => k[d]),
    );
  await em.query(SUPPLIER_MONTHS_SQL, [tenderIds]);
}

const cubeKey = (k: CubeKey) => CUBE_DIMENSIONS.map((d) => String(k[d])).join('|');
