import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * UNSPSC suggestions from a supplier's own words: a full-text document per class and the synonyms
 * administrators extend. The shipped synonyms are loaded after the migrations, like the classes.
 */
export class UnspscSynonyms1764300000000 implements MigrationInterface {
  name = 'UnspscSynonyms1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Trigram similarity corrects misspelt words ("computdores"); a trusted extension.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE "unspsc_codes" ADD "search_document" tsvector`);
    await q.query(`CREATE INDEX "ix_unspsc_codes_search_document" ON "unspsc_codes" USING GIN ("search_document")`);
    await q.query(
      `CREATE TABLE "unspsc_synonyms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term" text NOT NULL, "expansion" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "uq_unspsc_synonyms_term" UNIQUE ("term"), CONSTRAINT "pk_unspsc_synonyms" PRIMARY KEY ("id"))`,
    );
    // Databases that already hold the classes get their documents now (the same SQL as ReferenceDataService).
    await q.query(
      `UPDATE unspsc_codes c
          SET search_document = setweight(to_tsvector('spanish', regexp_replace(unaccent(c.name), '[^[:alnum:]]+', ' ', 'g')), 'A')
                             || setweight(to_tsvector('spanish', regexp_replace(unaccent(f.name), '[^[:alnum:]]+', ' ', 'g')), 'B')
                             || setweight(to_tsvector('spanish', regexp_replace(unaccent(s.name), '[^[:alnum:]]+', ' ', 'g')), 'C')
         FROM unspsc_codes f, unspsc_codes s
        WHERE c.level = 'class' AND f.code = c.parent_code AND s.code = f.parent_code`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "unspsc_synonyms"`);
    await q.query(`DROP INDEX "ix_unspsc_codes_search_document"`);
    await q.query(`ALTER TABLE "unspsc_codes" DROP COLUMN "search_document"`);
  }
}
