import type { MatchCandidate } from '@eslabon/domain';
import type { EntityManager } from 'typeorm';
import { SUPPLIER_MIPYME_SQL } from '../suppliers/supplier-facts';

export interface StoredCandidate extends MatchCandidate {
  organizationId: string;
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | null;
}

interface CandidateRow {
  organization_id: string;
  domicile_department: string | null;
  domicile_municipality: string | null;
  coverage_scope: MatchCandidate['coverage']['scope'];
  coverage_codes: string[] | null;
  supplier_type: string | null;
  size_class: StoredCandidate['sizeClass'];
  mipyme: boolean;
  classes: string[];
}

/**
 * Registered suppliers of active organizations with a class in the family of one of these classes:
 * the only ones the matching rule (libs/domain matching.ts) can accept. Only those classes are listed.
 */
export async function matchCandidates(em: EntityManager, classes: string[]): Promise<StoredCandidate[]> {
  const families = [...new Set(classes.map((c) => `${c.slice(0, 4)}%`))];
  if (families.length === 0) return [];
  // One LIKE per family, so each is a range of the text_pattern_ops index (LIKE ANY(array) is a full scan).
  const like = families.map((_, i) => `u.class_code LIKE $${i + 1}`).join(' OR ');
  const rows: CandidateRow[] = await em.query(
    `SELECT p.organization_id, p.domicile_department, p.domicile_municipality, p.coverage_scope, p.coverage_codes, p.supplier_type,
            p.size_class, ${SUPPLIER_MIPYME_SQL} AS mipyme, array_agg(u.class_code ORDER BY u.class_code) AS classes
       FROM supplier_unspsc_classes u
       JOIN supplier_profiles p ON p.organization_id = u.organization_id AND p.legal_name IS NOT NULL
       JOIN organizations o ON o.id = p.organization_id AND o.status = 'active'
       LEFT JOIN supplier_size_classifications c ON c.id = p.size_classification_id
      WHERE ${like}
      GROUP BY p.organization_id, c.mipyme`,
    families,
  );
  return rows.map((r) => ({
    organizationId: r.organization_id,
    sizeClass: r.size_class,
    classes: r.classes,
    domicileDepartment: r.domicile_department,
    domicileMunicipality: r.domicile_municipality,
    coverage: { scope: r.coverage_scope, codes: r.coverage_codes ?? [] },
    mipyme: r.mipyme,
    economiaPopular: r.supplier_type === 'economia_popular',
  }));
}
