import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BuyerProfileInput, BuyerProfileView, FieldError } from '@eslabon/contracts';
import { cuantias, isValidNit } from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { RuleParametersService } from '../rule-parameters/rule-parameters.service';
import { Organization } from '../accounts/entities/organization.entity';
import { BuyerProfile } from './buyer-profile.entity';

@Injectable()
export class BuyersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly rules: RuleParametersService,
  ) {}

  async profile(organizationId: string): Promise<BuyerProfileView> {
    const row = await this.db.manager.findOneBy(BuyerProfile, { organizationId });
    if (!row) throw new DomainError('not_found', 'profile_not_found', 'This buyer has not filled in its profile yet');
    return this.view(this.db.manager, row);
  }

  async save(organizationId: string, input: BuyerProfileInput, actor: Actor): Promise<BuyerProfileView> {
    const problems: FieldError[] = [];
    if (!isValidNit(input.nit, input.checkDigit))
      problems.push(fieldError('checkDigit', 'nit_check_digit', 'The check digit does not match this NIT'));
    const regimeReference = input.regimeReference?.trim() || null;
    if (input.regime === 'special' && !regimeReference)
      problems.push(fieldError('regimeReference', 'required', 'Name the procurement manual of the special regime'));
    return this.db.transaction(async (em) => {
      const [place] = await em.query(`SELECT department_code FROM divipola_municipalities WHERE code = $1`, [input.municipality]);
      if (!place)
        problems.push(fieldError('municipality', 'unknown_municipality', `No municipality has DIVIPOLA code ${input.municipality}`));
      if (problems.length) throw DomainError.fields(problems);
      const before = await em.findOne(BuyerProfile, { where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      const row = await em.getRepository(BuyerProfile).save({
        organizationId,
        entityKind: input.entityKind,
        regime: input.regime,
        regimeReference: input.regime === 'special' ? regimeReference : null,
        nit: input.nit,
        checkDigit: input.checkDigit,
        municipality: input.municipality,
        departmentCode: place.department_code as string,
        annualBudgetSmmlv: input.annualBudgetSmmlv,
        productiveBets: [...new Set(input.productiveBets)],
      });
      await this.audit.record(em, actor, {
        action: 'buyer_profile.saved',
        entityType: 'buyer_profile',
        entityId: organizationId,
        summary: {
          before: before
            ? { entityKind: before.entityKind, regime: before.regime, annualBudgetSmmlv: before.annualBudgetSmmlv }
            : undefined,
          after: {
            entityKind: row.entityKind,
            regime: row.regime,
            annualBudgetSmmlv: row.annualBudgetSmmlv,
            nit: `${row.nit}-${row.checkDigit}`,
          },
        },
      });
      return this.view(em, await em.findOneByOrFail(BuyerProfile, { organizationId }));
    });
  }

  /** Menor and mínima cuantía apply under the EGCAP only; special-regime buyers follow their own manual. */
  private async view(em: EntityManager, row: BuyerProfile): Promise<BuyerProfileView> {
    const organization = await em.findOneByOrFail(Organization, { id: row.organizationId });
    const rules = row.regime === 'egcap' ? await this.rules.cuantiaRules(em) : null;
    const computed = rules ? cuantias(row.annualBudgetSmmlv, rules.bands, rules.smmlvCop) : null;
    return {
      organizationId: row.organizationId,
      legalName: organization.name,
      entityKind: row.entityKind,
      regime: row.regime,
      regimeReference: row.regimeReference,
      nit: row.nit,
      checkDigit: row.checkDigit,
      municipality: row.municipality,
      departmentCode: row.departmentCode,
      annualBudgetSmmlv: row.annualBudgetSmmlv,
      productiveBets: row.productiveBets,
      cuantias:
        rules && computed
          ? {
              smmlvYear: rules.smmlvYear,
              menorCuantiaSmmlv: computed.menorCuantiaSmmlv,
              menorCuantiaCop: String(computed.menorCuantiaCop),
              minimaCuantiaCop: String(computed.minimaCuantiaCop),
              bandVersionId: rules.bandsVersionId,
            }
          : null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
