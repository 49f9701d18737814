import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SupplierDirectoryPage, SupplierDirectoryQuery, SupplierPublicView } from '@eslabon/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError } from '../../core/http/domain-error';
import { bogotaToday } from '../../core/time/bogota';
import { SupplierNationalProduct, SupplierProfile, SupplierSizeClassification, SupplierUnspscClass } from './supplier.entities';
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

  /** Suppliers that filled in their identity, filtered; the ones domiciled in the department first. */
  async directory(query: SupplierDirectoryQuery): Promise<SupplierDirectoryPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DIRECTORY_PAGE_SIZE;
    const where = [`p.legal_name IS NOT NULL`, `o.status = 'active'`];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.unspsc) {
      const code = param(query.unspsc);
      // Uncorrelated, so PostgreSQL reads the matching classes once instead of probing per supplier.
      where.push(`p.organization_id IN (SELECT c.organization_id FROM supplier_unspsc_classes c WHERE c.class_code LIKE ${code} || '%')`);
    }
    let domiciledFirst = '';
    if (query.department) {
      const d = param(query.department);
      domiciledFirst = `p.domicile_department = ${d}`;
      where.push(`(p.domicile_department = ${d} OR p.coverage_scope = 'national'
        OR (p.coverage_scope = 'departments' AND ${d} = ANY(p.coverage_codes))
        OR (p.coverage_scope = 'municipalities' AND EXISTS (SELECT 1 FROM unnest(p.coverage_codes) m WHERE left(m, 2) = ${d})))`);
    }
    if (query.size) where.push(`p.size_class = ${param(query.size)}`);
    if (query.supplierType) where.push(`p.supplier_type = ${param(query.supplierType)}`);
    if (query.womenLed !== undefined) where.push(`(cardinality(p.women_led_criteria) > 0) = ${param(query.womenLed)}`);
    if (query.nationalProducts !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM supplier_national_products n WHERE n.organization_id = p.organization_id AND n.rpbn_expires_on >= ${param(bogotaToday())}) = ${param(query.nationalProducts)}`,
      );
    }
    if (query.q?.trim()) {
      const words = param(query.q.trim().split(/\s+/));
      where.push(`unaccent(lower(p.legal_name || ' ' || coalesce(p.trade_name, '') || ' ' || p.description))
        LIKE ALL (SELECT '%' || unaccent(lower(w)) || '%' FROM unnest(${words}::text[]) AS w)`);
    }
    const rows: { organization_id: string; total: string }[] = await this.db.query(
      `SELECT p.organization_id, count(*) OVER () AS total
         FROM supplier_profiles p JOIN organizations o ON o.id = p.organization_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${domiciledFirst ? `(${domiciledFirst}) DESC, ` : ''}(p.verification_status = 'verified') DESC, p.legal_name, p.organization_id
        LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
      params,
    );
    const ids = rows.map((r) => r.organization_id);
    const views = await this.publicViews(this.db.manager, ids);
    return {
      items: ids.map((id) => views.find((v) => v.organizationId === id) as SupplierPublicView),
      total: Number(rows[0]?.total ?? 0),
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
