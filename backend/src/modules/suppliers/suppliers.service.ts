import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FieldError,
  SupplierCapabilities,
  SupplierIdentity,
  SupplierLegalStanding,
  SupplierProfileView,
  VerificationRequest,
} from '@eslabon/contracts';
import {
  SizeClassificationError,
  classifySize,
  countsAsMipyme,
  isValidNit,
  profileCompleteness,
  womenLedCriteriaMet,
} from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { bogotaToday } from '../../core/time/bogota';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import {
  SupplierDocument,
  SupplierNationalProduct,
  SupplierProfile,
  SupplierSizeClassification,
  SupplierUnspscClass,
} from './supplier.entities';
import { documentView, identityOf, legalOf, productView, sizeView } from './supplier-views';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { changedFields, reverification } from './profile-changes';
import { legalStandingProblems } from './legal-standing-checks';

const nitTaken = () => fieldError('nit', 'nit_taken', 'Another supplier is registered with this NIT');

/** Names of UNSPSC codes, for views. */
export async function unspscNames(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
  const rows: { code: string; name: string }[] = codes.length
    ? await em.query(`SELECT code, name FROM unspsc_codes WHERE code = ANY($1::text[])`, [codes])
    : [];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The profile row, created empty on first use, locked for the rest of the transaction. */
export async function lockSupplierProfile(em: EntityManager, organizationId: string): Promise<SupplierProfile> {
  await em.query(`INSERT INTO supplier_profiles (organization_id) VALUES ($1) ON CONFLICT DO NOTHING`, [organizationId]);
  return em.getRepository(SupplierProfile).findOneOrFail({ where: { organizationId }, lock: { mode: 'pessimistic_write' } });
}

@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: RuleParametersService,
  ) {}

  async profile(organizationId: string): Promise<SupplierProfileView> {
    return this.privateView(this.db.manager, organizationId);
  }

  async saveIdentity(organizationId: string, input: SupplierIdentity, actor: Actor): Promise<SupplierProfileView> {
    return this.saveIdentityOnce(organizationId, input, actor).catch((error: unknown) => {
      // Two suppliers racing for one NIT: the unique index decides, and the loser hears it like any other.
      if (isUniqueViolation(error, 'ix_supplier_profiles_nit')) throw DomainError.fields([nitTaken()]);
      throw error;
    });
  }

  private async saveIdentityOnce(organizationId: string, input: SupplierIdentity, actor: Actor): Promise<SupplierProfileView> {
    return this.db.transaction(async (em) => {
      const problems: FieldError[] = [];
      // DIAN's modulo-11 check digit (RULES.md §9), the same function the browser form uses.
      if (!isValidNit(input.nit, input.checkDigit))
        problems.push(fieldError('checkDigit', 'nit_check_digit', 'The check digit does not match this NIT'));
      const [domicile] = await em.query(`SELECT department_code FROM divipola_municipalities WHERE code = $1`, [
        input.domicileMunicipality,
      ]);
      if (!domicile)
        problems.push(
          fieldError('domicileMunicipality', 'unknown_municipality', `No municipality has DIVIPOLA code ${input.domicileMunicipality}`),
        );
      problems.push(...(await this.coverageProblems(em, input)));
      const [taken] = await em.query(`SELECT 1 FROM supplier_profiles WHERE nit = $1 AND organization_id <> $2`, [
        input.nit,
        organizationId,
      ]);
      if (taken) problems.push(nitTaken());
      if (problems.length) throw DomainError.fields(problems);

      const before = await lockSupplierProfile(em, organizationId);
      const identity = {
        personType: input.personType,
        legalName: input.legalName.trim(),
        tradeName: input.tradeName?.trim() || null,
        nit: input.nit,
        checkDigit: input.checkDigit,
        legalRepresentative: input.legalRepresentative.trim(),
        contactEmail: input.contactEmail.trim().toLowerCase(),
        contactPhone: input.contactPhone.trim(),
        domicileMunicipality: input.domicileMunicipality,
        domicileDepartment: domicile.department_code as string,
        coverageScope: input.coverageScope,
        coverageCodes: input.coverageScope === 'national' ? [] : [...new Set(input.coverageCodes)].sort(),
      };
      const changed = changedFields(before, identity);
      const reset = reverification(before, changed);
      await em.getRepository(SupplierProfile).save({ ...before, ...identity, ...reset });
      await this.audit.record(em, actor, {
        action: 'supplier_profile.identity_saved',
        entityType: 'supplier_profile',
        entityId: organizationId,
        summary: { after: { changed, nit: `${identity.nit}-${identity.checkDigit}`, ...reset } },
      });
      return this.privateView(em, organizationId);
    });
  }

  /**
   * Saves legal standing and classifies the firm's size with the rule versions in force now
   * (Decreto 957 de 2019, RULES.md §1). A new classification is recorded only when its inputs or
   * rule versions differ from the one in force; older ones stay as they were.
   */
  async saveLegal(organizationId: string, input: SupplierLegalStanding, actor: Actor): Promise<SupplierProfileView> {
    const today = bogotaToday();
    const problems = legalStandingProblems(input, today);
    if (problems.length) throw DomainError.fields(problems);

    const incomeCop = String(Number(input.incomeCop));
    return this.db.transaction(async (em) => {
      const before = await lockSupplierProfile(em, organizationId);
      const rules = await this.rules.sizeRules(em);
      let size;
      try {
        size = classifySize(
          { sector: input.sector, incomeCop: Number(input.incomeCop), incomeYear: input.incomeYear },
          rules.thresholds,
          rules.uvts,
        );
      } catch (e) {
        if (e instanceof SizeClassificationError && e.code === 'no_uvt_for_year') {
          throw DomainError.fields([fieldError('incomeYear', 'no_uvt_for_year', e.message)]);
        }
        throw e;
      }
      const uvtVersionId = rules.uvts.find((u) => u.year === input.incomeYear)?.versionId as string;
      const mipyme = countsAsMipyme(size.sizeClass, input.supplierType === 'cooperative');
      const current = before.sizeClassificationId
        ? await em.findOneBy(SupplierSizeClassification, { id: before.sizeClassificationId })
        : null;
      const unchanged =
        current &&
        current.sizeClass === size.sizeClass &&
        current.sector === size.sector &&
        current.incomeCop === incomeCop &&
        current.incomeYear === size.incomeYear &&
        current.uvtVersionId === uvtVersionId &&
        current.thresholdsVersionId === size.thresholdsVersionId &&
        current.mipyme === mipyme;
      let classificationId = before.sizeClassificationId;
      if (!unchanged) {
        const row = await em.getRepository(SupplierSizeClassification).save({
          organizationId,
          sizeClass: size.sizeClass,
          sector: size.sector,
          incomeCop,
          incomeYear: size.incomeYear,
          uvtCop: size.uvt.cop,
          uvtVersionId,
          thresholdsVersionId: size.thresholdsVersionId,
          boundFromUvt: size.boundsUvt.from,
          boundToUvt: size.boundsUvt.to,
          mipyme,
        });
        classificationId = row.id;
        await this.audit.record(em, actor, {
          action: 'supplier.size_classified',
          entityType: 'supplier_profile',
          entityId: organizationId,
          summary: {
            before: current ? { sizeClass: current.sizeClass, classificationId: current.id } : undefined,
            after: { sizeClass: size.sizeClass, classificationId: row.id, uvtVersionId, thresholdsVersionId: size.thresholdsVersionId },
          },
        });
      }
      const legal = {
        supplierType: input.supplierType,
        sector: input.sector,
        incomeCop,
        incomeYear: input.incomeYear,
        constitutedOn: input.constitutedOn,
        womenLed: input.womenLed,
        // Criteria met today; a bid re-checks them on the closing date of its process.
        womenLedCriteria: womenLedCriteriaMet(input.womenLed, today),
        tieBreak: input.tieBreak,
        acfc: input.acfc ?? false,
        rupNumber: input.rupNumber?.trim() || null,
        rupExpiresOn: input.rupExpiresOn || null,
        sizeClass: size.sizeClass,
        sizeClassificationId: classificationId,
      };
      const changed = changedFields(before, legal);
      const reset = reverification(before, changed);
      await em.getRepository(SupplierProfile).save({ ...before, ...legal, ...reset });
      await this.audit.record(em, actor, {
        action: 'supplier_profile.legal_saved',
        entityType: 'supplier_profile',
        entityId: organizationId,
        summary: { after: { changed, womenLedCriteria: legal.womenLedCriteria, ...reset } },
      });
      return this.privateView(em, organizationId);
    });
  }

  async saveCapabilities(organizationId: string, input: SupplierCapabilities, actor: Actor): Promise<SupplierProfileView> {
    return this.db.transaction(async (em) => {
      const classes = [...new Set(input.unspscClasses)];
      const codes = [...new Set([...classes, ...input.nationalProducts.map((p) => p.unspscClass)])];
      const known = new Set<string>(
        (await em.query(`SELECT code FROM unspsc_codes WHERE level = 'class' AND code = ANY($1::text[])`, [codes])).map(
          (r: { code: string }) => r.code,
        ),
      );
      const problems: FieldError[] = [
        ...input.unspscClasses.flatMap((c, i) =>
          known.has(c) ? [] : [fieldError(`unspscClasses.${i}`, 'unknown_unspsc_class', `No UNSPSC class has code ${c}`)],
        ),
        ...input.nationalProducts.flatMap((p, i) =>
          known.has(p.unspscClass)
            ? []
            : [fieldError(`nationalProducts.${i}.unspscClass`, 'unknown_unspsc_class', `No UNSPSC class has code ${p.unspscClass}`)],
        ),
      ];
      if (problems.length) throw DomainError.fields(problems);

      const before = await lockSupplierProfile(em, organizationId);
      const text = {
        description: input.description.trim(),
        certifications: input.certifications.trim(),
        productionCapacity: input.productionCapacity.trim(),
      };
      const previousClasses = (await em.findBy(SupplierUnspscClass, { organizationId })).map((c) => c.classCode).sort();
      const productKey = (p: { name: string; unspscClass: string; rpbnNumber: string; rpbnExpiresOn: string }) =>
        [p.name.trim(), p.unspscClass, p.rpbnNumber.trim(), p.rpbnExpiresOn].join('|');
      const previousProducts = (await em.findBy(SupplierNationalProduct, { organizationId })).map(productKey).sort();
      const productsChanged = JSON.stringify(previousProducts) !== JSON.stringify(input.nationalProducts.map(productKey).sort());
      const changed = [...changedFields(before, text), ...(productsChanged ? ['nationalProducts'] : [])];
      const reset = reverification(before, changed);
      await em.getRepository(SupplierProfile).save({ ...before, ...text, ...reset });
      await em.delete(SupplierUnspscClass, { organizationId });
      await em.insert(
        SupplierUnspscClass,
        classes.map((classCode) => ({ organizationId, classCode })),
      );
      await em.delete(SupplierNationalProduct, { organizationId });
      if (input.nationalProducts.length) {
        await em.insert(
          SupplierNationalProduct,
          input.nationalProducts.map((p) => ({
            organizationId,
            name: p.name.trim(),
            unspscClass: p.unspscClass,
            rpbnNumber: p.rpbnNumber.trim(),
            rpbnExpiresOn: p.rpbnExpiresOn,
          })),
        );
      }
      await this.audit.record(em, actor, {
        action: 'supplier_profile.capabilities_saved',
        entityType: 'supplier_profile',
        entityId: organizationId,
        summary: {
          before: { unspscClasses: previousClasses },
          after: {
            changed,
            unspscClasses: [...classes].sort(),
            nationalProducts: input.nationalProducts.map((p) => p.rpbnNumber),
            ...reset,
          },
        },
      });
      return this.privateView(em, organizationId);
    });
  }

  /** A platform admin's verdict on the declared facts and documents. */
  async verify(organizationId: string, input: VerificationRequest, actor: Actor): Promise<SupplierProfileView> {
    const reason = input.reason?.trim() || null;
    if (input.status === 'rejected' && !reason) throw DomainError.field('invalid', 'required', 'reason', 'Say why the profile is rejected');
    return this.db.transaction(async (em) => {
      const before = await lockSupplierProfile(em, organizationId);
      if (!before.legalName) throw new DomainError('conflict', 'profile_incomplete', 'The supplier has not filled in its identity yet');
      await em.getRepository(SupplierProfile).save({
        ...before,
        verificationStatus: input.status,
        verificationReason: input.status === 'rejected' ? reason : null,
        verificationDecidedAt: new Date(),
        verificationDecidedBy: actor.userId,
      });
      await this.audit.record(em, actor, {
        action: `supplier_profile.${input.status}`,
        entityType: 'supplier_profile',
        entityId: organizationId,
        summary: { before: { status: before.verificationStatus }, after: { status: input.status, reason } },
      });
      return this.privateView(em, organizationId);
    });
  }

  private async coverageProblems(em: EntityManager, input: SupplierIdentity): Promise<FieldError[]> {
    if (input.coverageScope === 'national') return [];
    if (input.coverageCodes.length === 0)
      return [fieldError('coverageCodes', 'coverage_required', 'Choose at least one place of coverage')];
    const length = input.coverageScope === 'departments' ? 2 : 5;
    const column = input.coverageScope === 'departments' ? 'department_code' : 'code';
    const known = new Set<string>(
      (
        await em.query(`SELECT DISTINCT ${column} AS code FROM divipola_municipalities WHERE ${column} = ANY($1::text[])`, [
          input.coverageCodes,
        ])
      ).map((r: { code: string }) => r.code),
    );
    const code = input.coverageScope === 'departments' ? 'unknown_department' : 'unknown_municipality';
    return input.coverageCodes.flatMap((c, i) =>
      c.length === length && known.has(c)
        ? []
        : [fieldError(`coverageCodes.${i}`, code, `No ${input.coverageScope.slice(0, -1)} has DIVIPOLA code ${c}`)],
    );
  }

  private async privateView(em: EntityManager, organizationId: string): Promise<SupplierProfileView> {
    const today = bogotaToday();
    const p =
      (await em.findOneBy(SupplierProfile, { organizationId })) ??
      em.create(SupplierProfile, {
        organizationId,
        coverageScope: 'national',
        coverageCodes: [],
        womenLed: {},
        womenLedCriteria: [],
        tieBreak: {},
        description: '',
        certifications: '',
        productionCapacity: '',
        verificationStatus: 'unverified',
        updatedAt: new Date(),
      });
    // One after another: inside a transaction they share one connection.
    const classRows = await em.find(SupplierUnspscClass, { where: { organizationId }, order: { classCode: 'ASC' } });
    const products = await em.find(SupplierNationalProduct, { where: { organizationId }, order: { name: 'ASC' } });
    const documents = await em.find(SupplierDocument, { where: { organizationId }, order: { uploadedAt: 'ASC' } });
    const size = p.sizeClassificationId ? await em.findOneBy(SupplierSizeClassification, { id: p.sizeClassificationId }) : null;
    const names = await unspscNames(em, [...classRows.map((c) => c.classCode), ...products.map((n) => n.unspscClass)]);
    const identity = identityOf(p);
    const legal = legalOf(p);
    const unspscClasses = classRows.map((c) => c.classCode);
    return {
      organizationId,
      identity,
      legal,
      capabilities: {
        unspscClasses,
        description: p.description,
        certifications: p.certifications,
        productionCapacity: p.productionCapacity,
        nationalProducts: products.map((n) => ({
          name: n.name,
          unspscClass: n.unspscClass,
          rpbnNumber: n.rpbnNumber,
          rpbnExpiresOn: n.rpbnExpiresOn,
        })),
      },
      classes: unspscClasses.map((code) => ({ code, name: names.get(code) ?? code })),
      nationalProducts: products.map((n) => productView(n, names, today)),
      size: size ? sizeView(size) : null,
      womenLedCriteria: p.womenLedCriteria,
      documents: documents.map(documentView),
      completeness: profileCompleteness({
        identity: identity !== null,
        legal: legal !== null,
        personType: p.personType,
        unspscClassCount: unspscClasses.length,
        description: p.description,
        documentTypes: documents.map((d) => d.type),
      }),
      verification: {
        status: p.verificationStatus,
        reason: p.verificationReason,
        decidedAt: p.verificationDecidedAt?.toISOString() ?? null,
      },
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
