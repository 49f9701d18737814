import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data tables (UNSPSC, DIVIPOLA); their rows are loaded after the migrations, see migrate.ts. */
export class ReferenceData1764200000000 implements MigrationInterface {
  name = 'ReferenceData1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Accent-insensitive search of Spanish names ("vehiculos" finds "Vehículos"); a trusted extension.
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(
      `CREATE TABLE "reference_datasets" ("name" text NOT NULL, "version" text NOT NULL, "source" text NOT NULL, "row_count" integer NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "loaded_by" uuid, CONSTRAINT "pk_reference_datasets" PRIMARY KEY ("name"))`,
    );
    await q.query(
      `CREATE TABLE "unspsc_codes" ("code" text NOT NULL, "level" text NOT NULL, "name" text NOT NULL, "parent_code" text, CONSTRAINT "pk_unspsc_codes" PRIMARY KEY ("code"))`,
    );
    await q.query(`CREATE INDEX "ix_unspsc_codes_parent_code" ON "unspsc_codes"("parent_code")`);
    await q.query(
      `CREATE TABLE "divipola_municipalities" ("code" text NOT NULL, "name" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "longitude" numeric(12,8), "latitude" numeric(12,8), CONSTRAINT "pk_divipola_municipalities" PRIMARY KEY ("code"))`,
    );
    await q.query(`CREATE INDEX "ix_divipola_municipalities_department_code" ON "divipola_municipalities"("department_code")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "divipola_municipalities"`);
    await q.query(`DROP TABLE "unspsc_codes"`);
    await q.query(`DROP TABLE "reference_datasets"`);
  }
}
