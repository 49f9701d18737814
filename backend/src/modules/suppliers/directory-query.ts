import type { SupplierDirectoryQuery } from '@eslabon/contracts';
import type { EntityManager } from 'typeorm';
import { bogotaToday } from '../../core/time/bogota';
import { MIN_WORD_FOR_TYPO } from '../search/search-vocabulary';

/**
 * The directory's SQL, shaped so the indexes of migration 1764500000000 serve it (bench/README.md):
 * the order is an index order, class prefixes use a text_pattern_ops index, words of `q` each use the
 * trigram index on the same immutable expression, and the yes/no filters are plain (NOT) EXISTS.
 */

/** How much of a typed word a stretch of the text must share to count as that word misspelt (pg_trgm). */
export const DIRECTORY_WORD_SIMILARITY = 0.5;

/** Beyond this the directory says "more than 10 000" instead of counting every match. */
export const DIRECTORY_TOTAL_CAP = 10_000;

const FROM = `supplier_profiles p JOIN organizations o ON o.id = p.organization_id`;
const ORDER = `(p.verification_status = 'verified') DESC, p.legal_name, p.organization_id`;
/** Must match the expression of ix_supplier_profiles_search_trgm. */
const DOCUMENT = `immutable_unaccent_lower(p.legal_name || ' ' || coalesce(p.trade_name, '') || ' ' || p.description)`;

/** Which suppliers of a department a statement reads: all, those domiciled there, or those only covering it. */
export type DepartmentPart = 'all' | 'domiciled' | 'others';

export interface DirectoryFilter {
  where: string;
  params: unknown[];
}

/** Typed % and _ are letters to look for, not wildcards. */
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

export function directoryFilter(query: SupplierDirectoryQuery, part: DepartmentPart): DirectoryFilter {
  const where = [`p.legal_name IS NOT NULL`, `o.status = 'active'`];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.unspsc) {
    where.push(
      `p.organization_id IN (SELECT c.organization_id FROM supplier_unspsc_classes c WHERE c.class_code LIKE ${param(query.unspsc)} || '%')`,
    );
  }
  if (query.department) {
    const d = param(query.department);
    const covering = `(p.coverage_scope = 'national'
      OR (p.coverage_scope = 'departments' AND ${d} = ANY(p.coverage_codes))
      OR (p.coverage_scope = 'municipalities' AND EXISTS (SELECT 1 FROM unnest(p.coverage_codes) m WHERE left(m, 2) = ${d})))`;
    if (part === 'domiciled') where.push(`p.domicile_department = ${d}`);
    else if (part === 'others') where.push(`p.domicile_department IS DISTINCT FROM ${d}`, covering);
    else where.push(`(p.domicile_department = ${d} OR ${covering})`);
  }
  if (query.size) where.push(`p.size_class = ${param(query.size)}`);
  if (query.supplierType) where.push(`p.supplier_type = ${param(query.supplierType)}`);
  if (query.womenLed !== undefined) where.push(`cardinality(p.women_led_criteria) ${query.womenLed ? '>' : '='} 0`);
  if (query.nationalProducts !== undefined) {
    // Expired RPBN registrations do not count as national products (Decreto 2680 de 2009).
    where.push(`${query.nationalProducts ? '' : 'NOT '}EXISTS (SELECT 1 FROM supplier_national_products n
      WHERE n.organization_id = p.organization_id AND n.rpbn_expires_on >= ${param(bogotaToday())})`);
  }
  for (const word of query.q?.trim().split(/\s+/).filter(Boolean) ?? []) {
    const contains = `${DOCUMENT} LIKE '%' || immutable_unaccent_lower(${param(escapeLike(word))}) || '%'`;
    // A misspelt long word still finds the supplier: some stretch of the text shares most of its trigrams
    // (pg_trgm word similarity, threshold DIRECTORY_WORD_SIMILARITY), through the same trigram index.
    where.push(word.length >= MIN_WORD_FOR_TYPO ? `(${contains} OR ${DOCUMENT} %> immutable_unaccent_lower(${param(word)}))` : contains);
  }
  return { where: where.join(' AND '), params };
}

export async function pageIds(em: EntityManager, filter: DirectoryFilter, limit: number, offset: number): Promise<string[]> {
  const rows: { organization_id: string }[] = await em.query(
    `SELECT p.organization_id FROM ${FROM} WHERE ${filter.where} ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset}`,
    filter.params,
  );
  return rows.map((r) => r.organization_id);
}

/** The number of matches, counting no further than `cap` when given. */
export async function countMatches(em: EntityManager, filter: DirectoryFilter, cap?: number): Promise<number> {
  const inner = `SELECT 1 FROM ${FROM} WHERE ${filter.where}${cap ? ` LIMIT ${cap}` : ''}`;
  const [row] = await em.query(`SELECT count(*)::int AS n FROM (${inner}) t`, filter.params);
  return row.n as number;
}
