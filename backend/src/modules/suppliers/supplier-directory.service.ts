import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SupplierDirectoryPage, SupplierDirectoryQuery, SupplierPublicView } from '@eslabon/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError } from '../../core/http/domain-error';
import { bogotaToday } from '../../core/time/bogota';
import { SupplierNationalProduct, SupplierProfile, SupplierSizeClassification, SupplierUnspscClass } from './supplier.entities';
import { DIRECTORY_TOTAL_CAP, DIRECTORY_WORD_SIMILARITY, countMatches, directoryFilter, pageIds } from './directory-query';
import { productView, publicView } from './supplier-views';
import { unspscNames } from './suppliers.service';

const DIRECTORY_PAGE_SIZE = 20;

/** What other organizations may read of registered suppliers: the directory and public profiles. */
@Injectable()
export class SupplierDirectoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async publicProfile(organizationId: string): Promise<SupplierPublicView> {
    const [view] = await this.publicViews(this.db.manager, [organizationId]);
    if (!view) throw new DomainError('not_found', 'supplier_not_found', 'No registered supplier has this id');
    return view;
  }

  /**
   * Suppliers that filled in their identity, filtered, verified first then by name; with a department,
   * those domiciled there before those that only cover it. The page and the total are separate
   * queries, and the total stops counting at DIRECTORY_TOTAL_CAP, so a page costs the same at
   * national scale whatever the number of matches (bench/README.md has the figures).
   */
  async directory(query: SupplierDirectoryQuery): Promise<SupplierDirectoryPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DIRECTORY_PAGE_SIZE;
    const offset = (page - 1) * pageSize;
    const { ids, total } = await this.db.transaction(async (em) => {
      // Planning cost here is below JIT's compile time; the same choice as the UNSPSC suggestions.
      await em.query(`SET LOCAL jit = off`);
      await em.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${DIRECTORY_WORD_SIMILARITY}`);
      let found: string[];
      if (!query.department) {
        found = await pageIds(em, directoryFilter(query, 'all'), pageSize, offset);
      } else {
        // Two ordered ranges of the department index: the domiciled suppliers, then the others covering it.
        found = await pageIds(em, directoryFilter(query, 'domiciled'), pageSize, offset);
        if (found.length < pageSize) {
          const domiciled =
            found.length > 0 || offset === 0 ? offset + found.length : await countMatches(em, directoryFilter(query, 'domiciled'));
          const rest = await pageIds(em, directoryFilter(query, 'others'), pageSize - found.length, Math.max(0, offset - domiciled));
          found = [...found, ...rest];
        }
      }
      return { ids: found, total: await countMatches(em, directoryFilter(query, 'all'), DIRECTORY_TOTAL_CAP + 1) };
    });
    const views = await this.publicViews(this.db.manager, ids);
    return {
      items: ids.map((id) => views.find((v) => v.organizationId === id) as SupplierPublicView),
      total: Math.min(total, DIRECTORY_TOTAL_CAP),
      totalCapped: total > DIRECTORY_TOTAL_CAP,
      page,
      pageSize,
    };
  }

  private async publicViews(em: EntityManager, ids: string[]): Promise<SupplierPublicView[]> {
    if (!ids.length) return [];
    const today = bogotaToday();
    const profiles = await em.find(SupplierProfile, { where: { organizationId: In(ids) } });
    const registered = profiles.filter((p) => p.legalName);
    const [classRows, products, sizes, places] = await Promise.all([
      em.find(SupplierUnspscClass, { where: { organizationId: In(ids) }, order: { classCode: 'ASC' } }),
      em.find(SupplierNationalProduct, { where: { organizationId: In(ids) }, order: { name: 'ASC' } }),
      em.find(SupplierSizeClassification, {
        where: { id: In(registered.map((p) => p.sizeClassificationId).filter((x): x is string => !!x)) },
      }),
      em.query(`SELECT code, name, department_code, department_name FROM divipola_municipalities WHERE code = ANY($1::text[])`, [
        registered.map((p) => p.domicileMunicipality),
      ]) as Promise<{ code: string; name: string; department_code: string; department_name: string }[]>,
    ]);
    const names = await unspscNames(em, [...classRows.map((c) => c.classCode), ...products.map((n) => n.unspscClass)]);
    return registered.map((profile) => {
      const place = places.find((m) => m.code === profile.domicileMunicipality);
      return publicView({
        profile,
        mipyme: sizes.find((s) => s.id === profile.sizeClassificationId)?.mipyme ?? false,
        domicile: place
          ? { code: place.code, name: place.name, departmentCode: place.department_code, departmentName: place.department_name }
          : null,
        classes: classRows
          .filter((c) => c.organizationId === profile.organizationId)
          .map((c) => ({ code: c.classCode, name: names.get(c.classCode) ?? c.classCode })),
        nationalProducts: products.filter((n) => n.organizationId === profile.organizationId).map((n) => productView(n, names, today)),
      });
    });
  }
}
