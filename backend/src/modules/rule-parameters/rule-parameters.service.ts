import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NewRuleParameterVersion, RuleParameter, RuleParameterVersionView } from '@eslabon/contracts';
import {
  CuantiaBand,
  Modality,
  ScheduleDefaults,
  ScheduleRule,
  SizeThresholdsValue,
  SizeThresholdsVersion,
  TieBreakRule,
  UvtValue,
  currentVersions,
  ruleParameterProblems,
} from '@eslabon/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { bogotaToday } from '../../core/time/bogota';
import { RuleParameterVersion } from './rule-parameter-version.entity';

/** The Decreto 957 inputs in force today: the thresholds and every year's UVT, each with its version id. */
export interface SizeRules {
  thresholds: SizeThresholdsVersion;
  uvts: (UvtValue & { versionId: string })[];
}

export interface CuantiaRules {
  bands: CuantiaBand[];
  bandsVersionId: string;
  smmlvYear: number;
  smmlvCop: number;
}

function toView(row: RuleParameterVersion, current: ReadonlySet<string>): RuleParameterVersionView {
  return {
    id: row.id,
    parameter: row.parameter,
    period: row.period,
    value: row.value,
    validFrom: row.validFrom,
    source: row.source,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    current: current.has(row.id),
  };
}

const toVersioned = (row: RuleParameterVersion) => ({ ...row, createdAt: row.createdAt.toISOString() });

@Injectable()
export class RuleParametersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RuleParameterVersionView[]> {
    const rows = await this.db.getRepository(RuleParameterVersion).find({ order: { parameter: 'ASC', period: 'DESC', createdAt: 'DESC' } });
    const current = new Set(
      [...new Set(rows.map((r) => r.parameter))].flatMap((p) =>
        currentVersions(rows.filter((r) => r.parameter === p).map(toVersioned), bogotaToday()).map((v) => v.id),
      ),
    );
    return rows.map((row) => toView(row, current));
  }

  /** A new version; the one it supersedes stays, and so does everything computed with it. */
  async create(input: NewRuleParameterVersion, actor: Actor): Promise<RuleParameterVersionView> {
    const problems = ruleParameterProblems(input.parameter, input.period, input.value);
    if (problems.length) throw DomainError.fields(problems.map((p) => fieldError(p.field, p.code, p.message)));
    return this.db.transaction(async (em) => {
      const row = await em.getRepository(RuleParameterVersion).save(
        em.getRepository(RuleParameterVersion).create({
          parameter: input.parameter,
          period: input.period,
          value: input.value,
          validFrom: input.validFrom,
          source: input.source,
          note: input.note ?? null,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'rule_parameter.version_added',
        entityType: 'rule_parameter',
        entityId: `${input.parameter}:${input.period}`,
        summary: { after: { id: row.id, value: input.value, validFrom: input.validFrom, source: input.source } },
      });
      const current = (await this.currentOf(em, input.parameter)).map((v) => v.id);
      return toView(row, new Set(current));
    });
  }

  async sizeRules(em: EntityManager = this.db.manager): Promise<SizeRules> {
    const [thresholds] = await this.currentOf(em, 'size_thresholds');
    if (!thresholds) throw new Error('No Decreto 957 thresholds are in force: the reference data is missing');
    const uvts = (await this.currentOf(em, 'uvt')).map((v) => ({
      year: Number(v.period),
      cop: v.value as number,
      source: v.source,
      versionId: v.id,
    }));
    return {
      thresholds: {
        id: thresholds.id,
        validFrom: thresholds.validFrom,
        source: thresholds.source,
        bySector: thresholds.value as SizeThresholdsValue,
      },
      uvts,
    };
  }

  /** Bands in force and the SMMLV of the latest year that has one (this year's once it is loaded). */
  async cuantiaRules(em: EntityManager = this.db.manager): Promise<CuantiaRules | null> {
    const [bands] = await this.currentOf(em, 'menor_cuantia_bands');
    const smmlv = (await this.currentOf(em, 'smmlv')).sort((a, b) => b.period.localeCompare(a.period))[0];
    if (!bands || !smmlv) return null;
    return {
      bands: bands.value as CuantiaBand[],
      bandsVersionId: bands.id,
      smmlvYear: Number(smmlv.period),
      smmlvCop: smmlv.value as number,
    };
  }

  /** The default offsets of a modality in force; null for a modality without a public call. */
  async scheduleRule(modality: Modality, em: EntityManager = this.db.manager): Promise<ScheduleRule | null> {
    const [defaults] = await this.currentOf(em, 'schedule_defaults');
    if (!defaults) throw new Error('No schedule defaults are in force: the reference data is missing');
    return (defaults.value as ScheduleDefaults)[modality] ?? null;
  }

  /** The Ley 2069 art. 35 tie-break in force (RULES.md §5), with the version id the report records. */
  async tieBreakRule(em: EntityManager = this.db.manager): Promise<{ rule: TieBreakRule; versionId: string }> {
    const [current] = await this.currentOf(em, 'tie_break');
    if (!current) throw new Error('No tie-break rule is in force: the reference data is missing');
    return { rule: current.value as TieBreakRule, versionId: current.id };
  }

  /**
   * The Decreto 1860 threshold (USD 125.000 at MinCIT's biennium rate) for a date: the version of the
   * biennium that contains its year, or else the latest biennium loaded.
   */
  async mipymeCallThreshold(
    onDate: string,
    em: EntityManager = this.db.manager,
  ): Promise<{ cop: number; period: string; versionId: string } | null> {
    const year = Number(onDate.slice(0, 4));
    const versions = (await this.currentOf(em, 'mipyme_call_threshold')).sort((a, b) => b.period.localeCompare(a.period));
    const covering = versions.find((v) => {
      const [from, to] = v.period.split('-').map(Number);
      return year >= from && year <= (to ?? from);
    });
    const chosen = covering ?? versions[0];
    return chosen ? { cop: (chosen.value as { cop: number }).cop, period: chosen.period, versionId: chosen.id } : null;
  }

  private async currentOf(em: EntityManager, parameter: RuleParameter): Promise<RuleParameterVersion[]> {
    const rows = await em.getRepository(RuleParameterVersion).findBy({ parameter });
    const ids = new Set(currentVersions(rows.map(toVersioned), bogotaToday()).map((v) => v.id));
    return rows.filter((r) => ids.has(r.id));
  }
}
