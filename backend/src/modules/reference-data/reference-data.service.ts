import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { DATASETS, Dataset, MunicipalityRow, UnspscRow, parseDivipola, parseUnspsc } from './reference-csv';

/** The files shipped with the product, and their sources (see data/SOURCES.md). */
const SHIPPED: Record<Dataset, { file: string; source: string }> = {
  unspsc: { file: 'unspsc-classes-es.csv', source: 'UNSPSC classes in Spanish, from phpcfdi/resources-sat-pys (SAT catalogue)' },
  divipola: { file: 'divipola-municipios.csv', source: 'DANE DIVIPOLA, from klakox/divipolabase and fabianalmanza/precio-importaciones' },
};

/** The shipped files: beside the source in development, copied beside the bundle in a build. */
function shippedFile(file: string): string {
  const candidates = [join(__dirname, 'data', file), join(__dirname, 'reference-data', file)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Reference data file ${file} not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface LoadResult {
  dataset: Dataset;
  version: string;
  rowCount: number;
}

export interface UnspscNode {
  code: string;
  level: UnspscRow['level'];
  name: string;
  parentCode: string | null;
}

const BATCH = 1_000;

@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Loads every shipped dataset that is not loaded yet (after migrations, on a new database). */
  async loadMissing(): Promise<Dataset[]> {
    const loaded: { name: string }[] = await this.db.query(`SELECT name FROM reference_datasets`);
    const missing = DATASETS.filter((d) => !loaded.some((l) => l.name === d));
    for (const dataset of missing) {
      const { file, source } = SHIPPED[dataset];
      await this.load(dataset, readFileSync(shippedFile(file), 'utf8'), source, { userId: null, organizationId: null, requestId: null });
    }
    return missing;
  }

  /**
   * Replaces a dataset with a new file, all or nothing: a file with any bad row changes nothing and
   * every problem is reported with its line.
   */
  async load(dataset: Dataset, csv: string, source: string, actor: Actor): Promise<LoadResult> {
    const parsed = dataset === 'unspsc' ? parseUnspsc(csv) : parseDivipola(csv);
    if (!parsed.ok) {
      throw new DomainError('invalid', 'reference_file_invalid', `The ${dataset} file has errors; nothing was loaded.`, {
        errors: parsed.problems.map((p) => ({
          pointer: '/csv',
          field: 'csv',
          messages: [`line ${p.line}${p.field ? `, column ${p.field}` : ''}: ${p.message}`],
        })),
      });
    }
    const version = createHash('sha256').update(csv).digest('hex').slice(0, 16);
    return this.db.transaction(async (em) => {
      const [before] = await em.query(`SELECT version, row_count FROM reference_datasets WHERE name = $1`, [dataset]);
      if (dataset === 'unspsc') await this.replaceUnspsc(em, parsed.rows as UnspscRow[]);
      else await this.replaceDivipola(em, parsed.rows as MunicipalityRow[]);
      await em.query(
        `INSERT INTO reference_datasets (name, version, source, row_count, loaded_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET version = $2, source = $3, row_count = $4, loaded_by = $5, loaded_at = now()`,
        [dataset, version, source, parsed.rows.length, actor.userId],
      );
      await this.audit.record(em, actor, {
        action: 'reference_data.loaded',
        entityType: 'reference_dataset',
        entityId: dataset,
        summary: { before: before ?? undefined, after: { version, row_count: parsed.rows.length, source } },
      });
      return { dataset, version, rowCount: parsed.rows.length };
    });
  }

  /** Children of a node; the segments when no parent is given. */
  children(parentCode?: string): Promise<UnspscNode[]> {
    return this.db.query(
      `SELECT code, level, name, parent_code AS "parentCode" FROM unspsc_codes
        WHERE ${parentCode ? 'parent_code = $1' : 'parent_code IS NULL'} ORDER BY code`,
      parentCode ? [parentCode] : [],
    );
  }

  /** By code prefix or by words of the name, ignoring case and accents; classes first. */
  search(query: string, limit: number): Promise<UnspscNode[]> {
    const words = query.trim().split(/\s+/).filter(Boolean);
    return this.db.query(
      `SELECT code, level, name, parent_code AS "parentCode" FROM unspsc_codes
        WHERE code LIKE $1 || '%'
           OR unaccent(lower(name)) LIKE ALL (SELECT '%' || unaccent(lower(w)) || '%' FROM unnest($2::text[]) AS w)
        ORDER BY (code = $1) DESC, CASE level WHEN 'class' THEN 0 WHEN 'family' THEN 1 ELSE 2 END, length(name), code
        LIMIT $3`,
      [query.trim(), words, limit],
    );
  }

  departments(): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT DISTINCT department_code AS code, department_name AS name FROM divipola_municipalities ORDER BY name`);
  }

  municipalities(departmentCode: string): Promise<{ code: string; name: string; departmentCode: string }[]> {
    return this.db.query(
      `SELECT code, name, department_code AS "departmentCode" FROM divipola_municipalities WHERE department_code = $1 ORDER BY name`,
      [departmentCode],
    );
  }

  private async replaceUnspsc(em: EntityManager, rows: UnspscRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await em.query(
        `INSERT INTO unspsc_codes (code, level, name, parent_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_code = EXCLUDED.parent_code`,
        [batch.map((r) => r.code), batch.map((r) => r.level), batch.map((r) => r.name), batch.map((r) => r.parentCode)],
      );
    }
    await em.query(`DELETE FROM unspsc_codes WHERE code <> ALL($1::text[])`, [rows.map((r) => r.code)]);
  }

  private async replaceDivipola(em: EntityManager, rows: MunicipalityRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await em.query(
        `INSERT INTO divipola_municipalities (code, name, department_code, department_name, longitude, latitude)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, department_code = EXCLUDED.department_code,
           department_name = EXCLUDED.department_name, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude`,
        [
          batch.map((r) => r.code),
          batch.map((r) => r.name),
          batch.map((r) => r.departmentCode),
          batch.map((r) => r.departmentName),
          batch.map((r) => r.longitude),
          batch.map((r) => r.latitude),
        ],
      );
    }
    await em.query(`DELETE FROM divipola_municipalities WHERE code <> ALL($1::text[])`, [rows.map((r) => r.code)]);
  }
}
