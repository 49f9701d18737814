import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MODALITY_NAMES,
  PRODUCTIVE_BET_NAMES,
  REPORT_DIMENSIONS,
  REPORT_INDICATOR_DEFINITIONS,
  type ProductiveBet,
  type FoodPurchaseRow,
  type FunnelRow,
  type Locale,
  type ReportDashboard,
  type ReportDimension,
  type ReportFigures,
  type ReportProcessPage,
  type ReportQuery,
  type ReportRow,
} from '@eslabon/contracts';
import {
  REPORT_MEASURES,
  deriveIndicators,
  meetsFoodMinimum,
  previousPeriod,
  shareBp,
  type Modality,
  type ReportMeasure,
  type ReportTotals,
} from '@eslabon/domain';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../core/auth/auth-context';
import { activeMembership } from '../../core/auth/auth-context';
import { DomainError } from '../../core/http/domain-error';
import { snakeCase } from '../../core/database/snake-naming.strategy';
import { MEASURE_COLUMNS, ROLLUP_DIMENSIONS, rollupSetFor, type RollupColumn } from './report-facts';
import { REPORT_WORDS } from './report-tables';

const COLUMN_OF: Record<Exclude<ReportDimension, 'month'>, string> = {
  buyer: 'buyer_organization_id',
  department: 'department',
  segment: 'segment',
  productiveBet: 'productive_bet',
  modality: 'modality',
};
const DIMENSION_COLUMNS: Record<ReportDimension, string> = { ...COLUMN_OF, month: 'month' };
const FILTERS: [keyof ReportQuery, RollupColumn][] = [
  ['buyerOrganizationId', 'buyer_organization_id'],
  ['department', 'department'],
  ['segment', 'segment'],
  ['productiveBet', 'productive_bet'],
  ['modality', 'modality'],
];
/** Names of buyers, departments and UNSPSC segments by their keys, for breakdown rows and filter words. */
const NAME_SQL = {
  buyer: `SELECT id::text AS key, name FROM organizations WHERE id = ANY($1::uuid[])`,
  department: `SELECT DISTINCT department_code AS key, department_name AS name FROM divipola_municipalities WHERE department_code = ANY($1)`,
  segment: `SELECT code AS key, name FROM unspsc_codes WHERE level = 'segment' AND code = ANY($1)`,
} as const;

const PAGE_SIZE = 50;
const SUMS = MEASURE_COLUMNS.map((c, i) => `sum(${c})::text AS "${REPORT_MEASURES[i]}"`).join(', ');

type TotalsRow = ReportTotals & Record<string, string>;
const figures = (row: ReportTotals): ReportFigures => {
  const totals = Object.fromEntries(REPORT_MEASURES.map((m) => [m, row[m] ?? '0'])) as ReportTotals;
  return { totals, indicators: deriveIndicators(totals) };
};

/** The period and filters as SQL conditions; whole months read the rollups, other periods the lot facts. */
function source(query: ReportQuery, params: unknown[], factsOnly = false): { wholeMonths: boolean; where: string; filterBits: number } {
  const wholeMonths = !factsOnly && query.from.endsWith('-01') && isMonthEnd(query.to);
  params.push(query.from, query.to);
  const conditions = [wholeMonths ? `month BETWEEN $1 AND $2` : `decided_on BETWEEN $1 AND $2`];
  let filterBits = 0;
  for (const [key, column] of FILTERS) {
    const value = query[key];
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
    filterBits |= BIT_OF[column];
  }
  return { wholeMonths, where: conditions.join(' AND '), filterBits };
}

const BIT_OF = Object.fromEntries(ROLLUP_DIMENSIONS.map((d) => [d.column, d.bit])) as Record<RollupColumn, number>;

const isMonthEnd = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/**
 * National-industry participation reports (issue 8), read from the aggregates the worker keeps
 * (report-facts.ts), never from the procurement tables. Officers and platform admins read every
 * entity; a buyer reads only its own organization.
 */
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The query as the caller may run it: a buyer's is pinned to its organization. */
  scoped(query: ReportQuery, auth: AuthContext | undefined): ReportQuery {
    if (query.to < query.from) throw DomainError.field('invalid', 'period_order', 'to', 'The period must end on or after its first day.');
    const membership = activeMembership(auth);
    if (membership?.role === 'officer' || membership?.role === 'admin') return query;
    const own = membership?.organizationId;
    if (!own) throw new DomainError('forbidden', 'reports_forbidden', 'Reports are for officers and buyers.');
    if (query.buyerOrganizationId && query.buyerOrganizationId !== own)
      throw DomainError.field(
        'forbidden',
        'own_organization_only',
        'buyerOrganizationId',
        'A buyer reads the reports of its own organization only.',
      );
    return { ...query, buyerOrganizationId: own };
  }

  async dashboard(query: ReportQuery, locale: Locale): Promise<ReportDashboard> {
    const previous = previousPeriod(query.from, query.to);
    const [sets, [before], funnel, updated] = await Promise.all([
      this.breakdownRows(query),
      this.totals({ ...query, ...previous }),
      this.funnel(query),
      this.db.query(`SELECT max(computed_at) AS at FROM report_lot_facts`),
    ]);
    const breakdowns = await this.labelled(sets, locale);
    return {
      query,
      previous,
      current: figures(sets.find((r) => r.set === 'all') ?? ({} as TotalsRow)),
      previousFigures: figures(before ?? ({} as TotalsRow)),
      breakdowns,
      funnel,
      food: foodRows(breakdowns.buyer),
      updatedAt: updated[0]?.at ? new Date(updated[0].at).toISOString() : null,
    };
  }

  /**
   * The headline and every breakdown. Whole months: one small read per breakdown, each of the
   * smallest rollup holding the filters and that dimension. Other periods: one scan of the lot facts.
   */
  private breakdownRows(query: ReportQuery): Promise<(TotalsRow & { set: ReportDimension | 'all'; key: string })[]> {
    const params: unknown[] = [];
    const { wholeMonths, where, filterBits } = source(query, params);
    if (!wholeMonths) {
      const setName = REPORT_DIMENSIONS.map((d) => `WHEN GROUPING(${DIMENSION_COLUMNS[d]}) = 0 THEN '${d}'`).join(' ');
      const key = REPORT_DIMENSIONS.map((d) => `${DIMENSION_COLUMNS[d]}::text`).join(', ');
      return this.db.query(
        `SELECT CASE ${setName} ELSE 'all' END AS set, coalesce(${key}, '') AS key, ${SUMS}
           FROM report_lot_facts WHERE ${where}
          GROUP BY GROUPING SETS ((), ${REPORT_DIMENSIONS.map((d) => `(${DIMENSION_COLUMNS[d]})`).join(', ')})`,
        params,
      );
    }
    const read = (set: string, column: string | null, bits: number) =>
      `(SELECT '${set}' AS set, ${column ? `${column}::text` : `''`} AS key, ${SUMS}
          FROM report_rollups WHERE dims = ${rollupSetFor(bits)} AND ${where}${column ? ` GROUP BY ${column}` : ''})`;
    const parts = [
      read('all', null, filterBits),
      read('month', 'month', filterBits),
      ...REPORT_DIMENSIONS.filter((d) => d !== 'month').map((d) => {
        const column = COLUMN_OF[d as Exclude<ReportDimension, 'month'>] as RollupColumn;
        return read(d, column, filterBits | BIT_OF[column]);
      }),
    ];
    return this.db.query(parts.join(' UNION ALL '), params);
  }

  private totals(query: ReportQuery): Promise<TotalsRow[]> {
    const params: unknown[] = [];
    const { wholeMonths, where, filterBits } = source(query, params);
    const from = wholeMonths ? `report_rollups WHERE dims = ${rollupSetFor(filterBits)} AND` : 'report_lot_facts WHERE';
    return this.db.query(`SELECT ${SUMS} FROM ${from} ${where}`, params);
  }

  private async labelled(
    rows: (TotalsRow & { set: ReportDimension | 'all'; key: string })[],
    locale: Locale,
  ): Promise<Record<ReportDimension, ReportRow[]>> {
    const keysOf = (d: ReportDimension) => rows.filter((r) => r.set === d).map((r) => r.key);
    const [buyers, departments, segments] = await Promise.all([
      this.names(NAME_SQL.buyer, keysOf('buyer')),
      this.names(NAME_SQL.department, keysOf('department')),
      this.names(NAME_SQL.segment, keysOf('segment')),
    ]);
    const label: Record<ReportDimension, (key: string) => string> = {
      buyer: (k) => buyers.get(k) ?? k,
      department: (k) => departments.get(k) ?? k,
      segment: (k) => (k ? `${k} ${segments.get(k) ?? ''}`.trim() : '—'),
      productiveBet: (k) => PRODUCTIVE_BET_NAMES[locale][k as ProductiveBet] ?? k,
      modality: (k) => MODALITY_NAMES[locale][k as Modality] ?? k,
      month: (k) => k.slice(0, 7),
    };
    const out = Object.fromEntries(REPORT_DIMENSIONS.map((d) => [d, [] as ReportRow[]])) as Record<ReportDimension, ReportRow[]>;
    for (const row of rows) {
      if (row.set === 'all') continue;
      out[row.set].push({ key: row.set === 'month' ? row.key.slice(0, 7) : row.key, label: label[row.set](row.key), ...figures(row) });
    }
    for (const d of REPORT_DIMENSIONS)
      out[d].sort((a, b) =>
        d === 'month'
          ? a.key.localeCompare(b.key)
          : Number(BigInt(b.totals.awardedValueCop) - BigInt(a.totals.awardedValueCop)) || a.label.localeCompare(b.label),
      );
    return out;
  }

  private async names(sql: string, keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; name: string }[] = await this.db.query(sql, [keys]);
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  /**
   * Suppliers registered (profile created by the period's end) and those matched, bidding and awarded
   * in processes decided in the period's months, by size; the department filter reads the supplier's
   * domicile, the other filters do not apply to suppliers. One year is a count over its rows; a period
   * across years joins each supplier's years first.
   */
  private async funnel(query: ReportQuery): Promise<FunnelRow[]> {
    const department = query.department ?? null;
    const years = monthMasks(query.from, query.to);
    const stagesSql =
      years.length === 1
        ? `SELECT size_class AS size, count(*) FILTER (WHERE matched_months & $2 <> 0) AS matched,
                  count(*) FILTER (WHERE bidding_months & $2 <> 0) AS bidding, count(*) FILTER (WHERE awarded_months & $2 <> 0) AS awarded
             FROM report_supplier_years WHERE year = $1 AND ($3::text IS NULL OR department = $3) GROUP BY size_class`
        : `SELECT size, count(*) FILTER (WHERE m) AS matched, count(*) FILTER (WHERE b) AS bidding, count(*) FILTER (WHERE a) AS awarded
             FROM (SELECT (array_agg(s.size_class ORDER BY s.year DESC))[1] AS size, bool_or(s.matched_months & p.mask <> 0) AS m,
                          bool_or(s.bidding_months & p.mask <> 0) AS b, bool_or(s.awarded_months & p.mask <> 0) AS a
                     FROM report_supplier_years s JOIN unnest($1::smallint[], $2::int[]) AS p(year, mask) ON p.year = s.year
                    WHERE $3::text IS NULL OR s.department = $3
                    GROUP BY s.supplier_organization_id) t
            GROUP BY size`;
    const stageParams =
      years.length === 1 ? [years[0].year, years[0].mask, department] : [years.map((y) => y.year), years.map((y) => y.mask), department];
    const [registered, stages]: [{ size: string; n: string }[], { size: string; matched: string; bidding: string; awarded: string }[]] =
      await Promise.all([
        this.db.query(
          `SELECT coalesce(size_class, 'unclassified') AS size, count(*) AS n FROM supplier_profiles
            WHERE created_at < (($1::date + 1)::timestamp AT TIME ZONE 'America/Bogota') AND ($2::text IS NULL OR domicile_department = $2)
            GROUP BY 1`,
          [query.to, department],
        ),
        this.db.query(stagesSql, stageParams),
      ]);
    const sizes: FunnelRow['sizeClass'][] = ['micro', 'pequena', 'mediana', 'grande', 'unclassified'];
    return sizes.map((sizeClass) => {
      const s = stages.find((r) => r.size === sizeClass);
      return {
        sizeClass,
        registered: Number(registered.find((r) => r.size === sizeClass)?.n ?? 0),
        matched: Number(s?.matched ?? 0),
        bidding: Number(s?.bidding ?? 0),
        awarded: Number(s?.awarded ?? 0),
      };
    });
  }

  /** The filters in words, for the PDF cover and the exports' notes. */
  async filterLabels(query: ReportQuery, locale: Locale): Promise<string[]> {
    const [buyer, department, segment] = await Promise.all([
      this.names(NAME_SQL.buyer, query.buyerOrganizationId ? [query.buyerOrganizationId] : []),
      this.names(NAME_SQL.department, query.department ? [query.department] : []),
      this.names(NAME_SQL.segment, query.segment ? [query.segment] : []),
    ]);
    const words = REPORT_WORDS[locale];
    return [
      query.buyerOrganizationId && `${words.buyer}: ${buyer.get(query.buyerOrganizationId) ?? query.buyerOrganizationId}`,
      query.department && `${words.department}: ${department.get(query.department) ?? query.department}`,
      query.segment && `${words.segment}: ${query.segment} ${segment.get(query.segment) ?? ''}`.trim(),
      query.productiveBet &&
        `${words.productiveBet}: ${PRODUCTIVE_BET_NAMES[locale][query.productiveBet as ProductiveBet] ?? query.productiveBet}`,
      query.modality && `${words.modality}: ${MODALITY_NAMES[locale][query.modality as Modality] ?? query.modality}`,
    ].filter((l): l is string => Boolean(l));
  }

  /** What an exported table is: period, filters and the definitions of its columns. */
  async notes(query: ReportQuery, locale: Locale): Promise<string[]> {
    const words = REPORT_WORDS[locale];
    const defs = REPORT_INDICATOR_DEFINITIONS[locale];
    return [
      `Eslabón — ${words.period}: ${query.from} — ${query.to}`,
      `${words.filters}: ${(await this.filterLabels(query, locale)).join('; ') || '—'}`,
      ...Object.values(defs).map((d) => `${d.label}: ${d.definition}`),
    ];
  }

  /** The processes behind a figure: those whose lots add to `measure` under the same filters. */
  async processes(query: ReportQuery, measure: ReportMeasure = 'lots', page = 1): Promise<ReportProcessPage> {
    const params: unknown[] = [];
    const { where } = source(query, params, true);
    const column = snakeCase(measure);
    const rows: (ReportProcessPage['items'][number] & { total: number })[] = await this.db.query(
      `SELECT f.tender_id AS "tenderId", t.reference, t.title, o.name AS "buyerName", f.department, f.modality,
              min(f.decided_on)::text AS "decidedOn", count(*)::int AS lots, sum(f.${column})::text AS value,
              sum(f.awarded_value_cop)::text AS "awardedValueCop", sum(f.estimated_value_cop)::text AS "estimatedValueCop",
              count(*) OVER ()::int AS total
         FROM (SELECT * FROM report_lot_facts WHERE ${where}) f
         JOIN tenders t ON t.id = f.tender_id JOIN organizations o ON o.id = f.buyer_organization_id
        GROUP BY f.tender_id, t.reference, t.title, o.name, f.department, f.modality
       HAVING sum(f.${column}) > 0
        ORDER BY sum(f.${column}) DESC, t.reference
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
      params,
    );
    const items = rows.map((row) => {
      const item: Partial<typeof row> = { ...row };
      delete item.total;
      return item as ReportProcessPage['items'][number];
    });
    return { measure, total: rows[0]?.total ?? 0, items };
  }
}

/** For each year the period touches, the bits of its months (bit 0 = January), as report_supplier_years keeps them. */
export function monthMasks(from: string, to: string): { year: number; mask: number }[] {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const out: { year: number; mask: number }[] = [];
  for (let year = fy; year <= ty; year++) {
    const [first, last] = [year === fy ? fm : 1, year === ty ? tm : 12];
    out.push({ year, mask: ((1 << last) - 1) & ~((1 << (first - 1)) - 1) });
  }
  return out;
}

function foodRows(buyers: ReportRow[]): FoodPurchaseRow[] {
  return buyers
    .filter((r) => BigInt(r.totals.foodValueCop) > 0n)
    .map((r) => ({
      buyerOrganizationId: r.key,
      buyerName: r.label,
      foodValueCop: r.totals.foodValueCop,
      acfcValueCop: r.totals.foodAcfcValueCop,
      shareBp: shareBp(r.totals.foodAcfcValueCop, r.totals.foodValueCop),
      meetsMinimum: meetsFoodMinimum(r.totals),
    }));
}
