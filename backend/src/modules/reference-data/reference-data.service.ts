import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepartmentView, UnspscSuggestion } from '@eslabon/contracts';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, SYSTEM_ACTOR } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { DomainError } from '../../core/http/domain-error';
import { DATASETS, Dataset, MunicipalityRow, UnspscRow, parseDivipola, parseUnspsc } from './reference-csv';

/** The files shipped with the product, and their sources (see data/SOURCES.md). */
const SHIPPED: Record<Dataset, { file: string; source: string }> = {
  unspsc: { file: 'unspsc-classes-es.csv', source: 'UNSPSC classes in Spanish, from phpcfdi/resources-sat-pys (SAT catalogue)' },
  divipola: { file: 'divipola-municipios.csv', source: 'DANE DIVIPOLA, from klakox/divipolabase and fabianalmanza/precio-importaciones' },
};
const SHIPPED_SYNONYMS = { name: 'unspsc_synonyms', file: 'unspsc-synonyms-es.csv', source: 'Eslabón team, everyday Colombian vocabulary' };

/** The shipped files: beside the source in development, copied beside the bundle in a build. */
function shippedFile(file: string): string {
  const candidates = [join(__dirname, 'data', file), join(__dirname, 'reference-data', file)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Reference data file ${file} not found (looked in ${candidates.join(', ')})`);
  return found;
}

function contentVersion(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
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

export interface UnspscSynonymView {
  id: string;
  term: string;
  expansion: string;
  createdAt: Date;
  createdBy: string | null;
}

/**
 * The words of a text as PostgreSQL's Spanish full-text search keeps them: unaccented, stop words
 * dropped, each reduced to its stem ("Computadores portátiles" → comput, portatil). Anything but
 * letters and digits separates words, so every stem is plain alphanumerics.
 */
const WORDS = (text: string) => `to_tsvector('spanish', regexp_replace(unaccent(${text}), '[^[:alnum:]]+', ' ', 'g'))`;
const STEMS = (text: string) => `tsvector_to_array(${WORDS(text)})`;

/** "  Dotación  Escolar" → "dotacion escolar": how terms are stored, so one term cannot be entered twice. */
const NORMALIZED = (text: string) => `regexp_replace(lower(unaccent(btrim(${text}))), '\\s+', ' ', 'g')`;

/**
 * A class's words weighted A (its name), B (its family's) and C (its segment's). It spans three rows,
 * so it is written whenever the classes are loaded rather than generated.
 */
const CLASS_DOCUMENT = `setweight(${WORDS('c.name')}, 'A') || setweight(${WORDS('f.name')}, 'B') || setweight(${WORDS('s.name')}, 'C')`;

/** Words that say what a firm does rather than what it sells; matching them would only add noise. */
const FILLER_WORDS = [
  'vendemos venta ventas vender comercializamos comercializadora distribuimos distribuidora distribuidores',
  'suministramos suministro suministros proveemos proveedor proveedores ofrecemos prestamos prestación',
  'hacemos realizamos fabricamos elaboramos empresa compañía clientes calidad tipo tipos marcas',
].join(' ');

/** How much a word found in the class name, its family's name or its segment's name counts. */
const FIELD_WEIGHT = { A: 1, B: 0.4, C: 0.15 };
/** Share of the class-name words a description matches, as a bonus: "Computadores" before "Accesorios de computador". */
const COVERAGE_BONUS = 0.5;
/** What follows "para" tells whom or what the goods serve, so it counts half. */
const PURPOSE_WEIGHT = 0.5;
/** A class code in a synonym's expansion; WITHOUT_CODES is the rest of the expansion, in SQL. */
const CLASS_CODE = /\b\d{6}\b/g;
const WITHOUT_CODES = (text: string) => `regexp_replace(${text}, '\\y\\d{6}\\y', ' ', 'g')`;
/** A misspelt word is read as the closest known word only when that close (pg_trgm similarity). */
const MIN_SIMILARITY = 0.5;

const BATCH = 1_000;

@Injectable()
export class ReferenceDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Loads every shipped dataset that is not loaded yet (after migrations, on a new database), and the
   * shipped synonyms when they changed since last loaded.
   */
  async loadMissing(): Promise<string[]> {
    const loaded: { name: string; version: string }[] = await this.db.query(`SELECT name, version FROM reference_datasets`);
    const missing = DATASETS.filter((d) => !loaded.some((l) => l.name === d));
    for (const dataset of missing) {
      const { file, source } = SHIPPED[dataset];
      await this.load(dataset, readFileSync(shippedFile(file), 'utf8'), source, SYSTEM_ACTOR);
    }
    const synonyms = readFileSync(shippedFile(SHIPPED_SYNONYMS.file), 'utf8');
    const version = contentVersion(synonyms);
    if (loaded.some((l) => l.name === SHIPPED_SYNONYMS.name && l.version === version)) return missing;
    await this.loadShippedSynonyms(synonyms, version);
    return [...missing, SHIPPED_SYNONYMS.name];
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
    const version = contentVersion(csv);
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

  /**
   * Classes for a supplier's own description of what it sells, best first. Its words are stemmed and
   * unaccented (plural and singular, accents and stop words do not matter), misspelt ones are read as
   * the closest known word, and words a synonym knows are replaced by the synonym's expansion. Each
   * word then counts by how rare it is among classes (so "servicios" weighs little) and by where it
   * appears: the class name most, then its family's and its segment's name. A class a synonym names
   * by code counts as if its name were exactly that synonym's words, and comes first among equals.
   */
  suggest(text: string, limit: number): Promise<UnspscSuggestion[]> {
    return this.db.transaction(async (em) => {
      // The planner's guesses for the set-returning functions below are far too high and would
      // trigger JIT compilation, which takes longer (~300 ms) than the queries themselves.
      await em.query(`SET LOCAL jit = off`);
      return this.rank(em, await this.descriptionWords(em, text), limit);
    });
  }

  private async rank(em: EntityManager, words: { stem: string; weight: number }[], limit: number): Promise<UnspscSuggestion[]> {
    const synonyms: { words: string[]; stems: string[]; expansion: string }[] = await em.query(
      `SELECT words, ${STEMS(WITHOUT_CODES('expansion'))} AS stems, expansion
         FROM (SELECT ${STEMS('term')} AS words, expansion FROM unspsc_synonyms) s
        WHERE cardinality(words) > 0 AND words <@ $1::text[]`,
      [words.map((w) => w.stem)],
    );
    const terms = new Map<string, { weight: number; classes: string[] }>();
    const add = (stem: string, weight: number, classes: string[]) => {
      const known = terms.get(stem);
      terms.set(stem, { weight: Math.max(known?.weight ?? 0, weight), classes: [...(known?.classes ?? []), ...classes] });
    };
    const replaced = new Set(synonyms.flatMap((s) => s.words));
    for (const w of words) if (!replaced.has(w.stem)) add(w.stem, w.weight, []);
    for (const s of synonyms) {
      const weight = Math.min(...words.filter((w) => s.words.includes(w.stem)).map((w) => w.weight));
      // An expansion of codes only keeps the term's own words to carry them.
      for (const stem of s.stems.length > 0 ? s.stems : s.words) add(stem, weight, s.expansion.match(CLASS_CODE) ?? []);
    }
    if (terms.size === 0) return [];
    const entries = [...terms.entries()];
    return em.query(
      `WITH total AS (SELECT count(*)::float8 AS n FROM unspsc_codes WHERE level = 'class'),
       words AS (
         SELECT quote_literal(w.stem) AS lexeme, w.weight, string_to_array(nullif(w.classes, ''), ',') AS classes,
                ln(1 + (total.n - df.n + 0.5) / (df.n + 0.5)) AS idf
           FROM unnest($1::text[], $2::float8[], $3::text[]) AS w(stem, weight, classes), total,
                LATERAL (SELECT count(*)::float8 AS n FROM unspsc_codes c
                          WHERE c.level = 'class' AND c.search_document @@ quote_literal(w.stem)::tsquery) df
       ),
       candidates AS (
         SELECT c.code, c.name, c.parent_code, c.search_document AS document,
                greatest(length(ts_filter(c.search_document, '{a}')), 1) AS name_words
           FROM unspsc_codes c
          WHERE c.level = 'class'
            AND (c.search_document @@ (SELECT string_agg(lexeme, ' | ') FROM words)::tsquery
                 OR c.code IN (SELECT unnest(classes) FROM words))
       ),
       matches AS (
         SELECT c.code, c.name, c.parent_code, c.name_words, w.weight * w.idf AS value, coalesce(c.code = ANY(w.classes), false) AS named,
                CASE WHEN c.code = ANY(w.classes) OR c.document @@ (w.lexeme || ':A')::tsquery THEN 'A'
                     WHEN c.document @@ (w.lexeme || ':B')::tsquery THEN 'B'
                     WHEN c.document @@ (w.lexeme || ':C')::tsquery THEN 'C' END AS field
           FROM candidates c, words w
       ),
       scored AS (
         SELECT code, name, parent_code, bool_or(named) AS named,
                sum(value * CASE field WHEN 'A' THEN ${FIELD_WEIGHT.A} WHEN 'B' THEN ${FIELD_WEIGHT.B} WHEN 'C' THEN ${FIELD_WEIGHT.C} ELSE 0 END)
                  * (1 + ${COVERAGE_BONUS} * CASE WHEN bool_or(named) THEN 1
                                                  ELSE least(1, count(*) FILTER (WHERE field = 'A')::float8 / max(name_words)) END) AS relevance
           FROM matches
          GROUP BY code, name, parent_code
       )
       SELECT sc.code, sc.name, f.name AS "familyName", s.name AS "segmentName",
              -- 1 when every word is in the class name and the name says nothing else.
              round(least(1, sc.relevance / (SELECT sum(weight * idf) * ${1 + COVERAGE_BONUS} FROM words))::numeric, 3)::float8 AS score
         FROM scored sc
         JOIN unspsc_codes f ON f.code = sc.parent_code
         JOIN unspsc_codes s ON s.code = f.parent_code
        WHERE sc.relevance > 0
        ORDER BY sc.relevance DESC, sc.named DESC, sc.code
        LIMIT $4`,
      [entries.map(([stem]) => stem), entries.map(([, t]) => t.weight), entries.map(([, t]) => t.classes.join(',')), limit],
    );
  }

  /**
   * The stems of a description without filler words, each with how much it counts: less for what
   * follows "para" ("llantas para camiones" sells tyres, not lorries), and scaled by the trigram
   * similarity when a word no class or synonym knows is read as the closest word they do know
   * ("vijilancia" → vigilancia). Both the words and their stems are compared: a word is long enough to
   * tell a misspelling apart, a stem ignores plural endings ("refrijerios" → refrigerio).
   */
  private descriptionWords(em: EntityManager, text: string): Promise<{ stem: string; weight: number }[]> {
    const clauses = text.split(/[,;:.()\n]/);
    const purposeAt = clauses.map((clause) => clause.search(/\bpara\b/i));
    const main = clauses.map((clause, i) => (purposeAt[i] < 0 ? clause : clause.slice(0, purposeAt[i]))).join(' ');
    const purpose = clauses.map((clause, i) => (purposeAt[i] < 0 ? '' : clause.slice(purposeAt[i]))).join(' ');
    return em.query(
      `WITH input AS (
         SELECT w.word, stem, max(t.weight) AS weight
           FROM (VALUES ($1, 1::float8), ($2, ${PURPOSE_WEIGHT})) AS t(text, weight),
                regexp_split_to_table(lower(unaccent(t.text)), '[^[:alnum:]]+') AS w(word),
                unnest(${STEMS('w.word')}) AS stem
          WHERE stem <> ALL(${STEMS('$3')})
          GROUP BY w.word, stem
       ),
       known AS (
         SELECT word, stem, weight FROM input i
          WHERE EXISTS (SELECT 1 FROM unspsc_codes c WHERE c.level = 'class' AND c.search_document @@ quote_literal(i.stem)::tsquery)
             OR EXISTS (SELECT 1 FROM unspsc_synonyms s WHERE i.stem = ANY(${STEMS('s.term')}))
       ),
       vocabulary AS MATERIALIZED (
         SELECT word, (${STEMS('word')})[1] AS stem
           FROM (SELECT regexp_split_to_table(lower(unaccent(name)), '[^[:alnum:]]+') AS word FROM unspsc_codes
                 UNION SELECT regexp_split_to_table(term, ' ') FROM unspsc_synonyms) words
          WHERE length(word) >= 4
       )
       SELECT stem, weight FROM known
       UNION ALL
       SELECT closest.stem, unknown.weight * closest.similarity
         FROM (SELECT * FROM input EXCEPT SELECT * FROM known) unknown,
              LATERAL (SELECT v.stem, greatest(similarity(unknown.word, v.word), similarity(unknown.stem, v.stem))::float8 AS similarity
                         FROM vocabulary v WHERE v.stem IS NOT NULL
                        ORDER BY similarity DESC, v.stem LIMIT 1) closest
        WHERE length(unknown.word) >= 4 AND closest.similarity >= ${MIN_SIMILARITY}`,
      [main, purpose, FILLER_WORDS],
    );
  }

  synonyms(): Promise<UnspscSynonymView[]> {
    return this.db.query(
      `SELECT id, term, expansion, created_at AS "createdAt", created_by AS "createdBy" FROM unspsc_synonyms ORDER BY term`,
    );
  }

  /** A term replaced by its expansion in every later suggestion; audited. */
  async addSynonym(term: string, expansion: string, actor: Actor): Promise<UnspscSynonymView> {
    return this.db.transaction(async (em) => {
      const [{ normalized, termStems, expansionStems }] = await em.query(
        `SELECT ${NORMALIZED('$1')} AS normalized, cardinality(${STEMS('$1')}) AS "termStems",
                cardinality(${STEMS(WITHOUT_CODES('$2'))}) AS "expansionStems"`,
        [term, expansion],
      );
      if (termStems === 0) {
        throw DomainError.field('invalid', 'synonym_term_empty', 'term', 'The term has no word to match, only stop words such as "de".');
      }
      const classes = expansion.match(CLASS_CODE) ?? [];
      if (expansionStems === 0 && classes.length === 0) {
        throw DomainError.field('invalid', 'synonym_expansion_empty', 'expansion', 'The expansion names no word and no class code.');
      }
      await this.checkNamedClasses(em, classes);
      const [created]: UnspscSynonymView[] = await em.query(
        `INSERT INTO unspsc_synonyms (term, expansion, created_by) VALUES ($1, $2, $3) ON CONFLICT (term) DO NOTHING
         RETURNING id, term, expansion, created_at AS "createdAt", created_by AS "createdBy"`,
        [normalized, expansion.trim(), actor.userId],
      );
      if (!created)
        throw DomainError.field('conflict', 'synonym_exists', 'term', `"${normalized}" already has a synonym; delete it first.`);
      await this.audit.record(em, actor, {
        action: 'unspsc_synonym.created',
        entityType: 'unspsc_synonym',
        entityId: created.id,
        summary: { after: { term: created.term, expansion: created.expansion } },
      });
      return created;
    });
  }

  async removeSynonym(id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      const [[deleted]] = await em.query(`DELETE FROM unspsc_synonyms WHERE id = $1 RETURNING term, expansion`, [id]);
      if (!deleted) throw new DomainError('not_found', 'synonym_not_found', 'No synonym has that id.');
      await this.audit.record(em, actor, {
        action: 'unspsc_synonym.deleted',
        entityType: 'unspsc_synonym',
        entityId: id,
        summary: { before: deleted },
      });
    });
  }

  /** Each department with the mean position of its municipal seats, where a map places it. */
  departments(): Promise<DepartmentView[]> {
    return this.db.query(
      `SELECT department_code AS code, department_name AS name,
              round(avg(longitude), 4)::float8 AS longitude, round(avg(latitude), 4)::float8 AS latitude
         FROM divipola_municipalities GROUP BY department_code, department_name ORDER BY name`,
    );
  }

  municipalities(departmentCode: string): Promise<{ code: string; name: string; departmentCode: string }[]> {
    return this.db.query(
      `SELECT code, name, department_code AS "departmentCode" FROM divipola_municipalities WHERE department_code = $1 ORDER BY name`,
      [departmentCode],
    );
  }

  /** Class codes an expansion names must exist, or the synonym would silently never apply. */
  private async checkNamedClasses(em: EntityManager, codes: string[]): Promise<void> {
    const [{ unknown }] = await em.query(
      `SELECT array(SELECT unnest($1::text[]) EXCEPT SELECT code FROM unspsc_codes WHERE level = 'class') AS unknown`,
      [codes],
    );
    if (unknown.length > 0) {
      throw DomainError.field('invalid', 'unknown_unspsc_class', 'expansion', `No UNSPSC class has the code ${unknown.join(', ')}.`);
    }
  }

  /** Adds the shipped terms an administrator has not defined; their own synonyms and deletions are kept. */
  private async loadShippedSynonyms(csv: string, version: string): Promise<void> {
    const rows: { term: string; expansion: string }[] = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    await this.db.transaction(async (em) => {
      const [before] = await em.query(`SELECT version, row_count FROM reference_datasets WHERE name = $1`, [SHIPPED_SYNONYMS.name]);
      const added: unknown[] = await em.query(
        `INSERT INTO unspsc_synonyms (term, expansion)
         SELECT ${NORMALIZED('t')}, e FROM unnest($1::text[], $2::text[]) AS r(t, e)
         ON CONFLICT (term) DO NOTHING RETURNING id`,
        [rows.map((r) => r.term), rows.map((r) => r.expansion)],
      );
      await em.query(
        `INSERT INTO reference_datasets (name, version, source, row_count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET version = $2, source = $3, row_count = $4, loaded_by = NULL, loaded_at = now()`,
        [SHIPPED_SYNONYMS.name, version, SHIPPED_SYNONYMS.source, rows.length],
      );
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'reference_data.loaded',
        entityType: 'reference_dataset',
        entityId: SHIPPED_SYNONYMS.name,
        summary: { before: before ?? undefined, after: { version, row_count: rows.length, added: added.length } },
      });
    });
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
    await em.query(
      `UPDATE unspsc_codes c SET search_document = ${CLASS_DOCUMENT}
         FROM unspsc_codes f, unspsc_codes s
        WHERE c.level = 'class' AND f.code = c.parent_code AND s.code = f.parent_code`,
    );
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
