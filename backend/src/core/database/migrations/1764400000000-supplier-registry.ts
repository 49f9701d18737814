import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplier registry and buyer profiles (issue 4), and the versioned rule parameters they are computed
 * with. The first parameter versions are the figures of RULES.md with their sources; an admin adds
 * corrections as new versions, and rows are never changed so past classifications stay reproducible.
 */
export class SupplierRegistry1764400000000 implements MigrationInterface {
  name = 'SupplierRegistry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "buyer_profiles" ("organization_id" uuid NOT NULL, "entity_kind" text NOT NULL, "regime" text NOT NULL, "regime_reference" text, "nit" text NOT NULL, "check_digit" text NOT NULL, "municipality" text NOT NULL, "department_code" text NOT NULL, "annual_budget_smmlv" integer NOT NULL, "productive_bets" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_buyer_profiles" PRIMARY KEY ("organization_id"))`,
    );
    await q.query(
      `CREATE TABLE "rule_parameter_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parameter" text NOT NULL, "period" text NOT NULL, "value" jsonb NOT NULL, "valid_from" date NOT NULL, "source" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "pk_rule_parameter_versions" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_rule_parameter_versions_parameter_period" ON "rule_parameter_versions" ("parameter", "period")`);
    await q.query(
      `CREATE TABLE "supplier_profiles" ("organization_id" uuid NOT NULL, "person_type" text, "legal_name" text, "trade_name" text, "nit" text, "check_digit" text, "legal_representative" text, "contact_email" text, "contact_phone" text, "domicile_municipality" text, "domicile_department" text, "coverage_scope" text NOT NULL DEFAULT 'national', "coverage_codes" text array NOT NULL DEFAULT '{}', "supplier_type" text, "sector" text, "income_cop" numeric(20,0), "income_year" integer, "constituted_on" date, "women_led" jsonb NOT NULL DEFAULT '{}', "women_led_criteria" text array NOT NULL DEFAULT '{}', "tie_break" jsonb NOT NULL DEFAULT '{}', "rup_number" text, "rup_expires_on" date, "size_class" text, "size_classification_id" uuid, "description" text NOT NULL DEFAULT '', "certifications" text NOT NULL DEFAULT '', "production_capacity" text NOT NULL DEFAULT '', "verification_status" text NOT NULL DEFAULT 'unverified', "verification_reason" text, "verification_decided_at" TIMESTAMP WITH TIME ZONE, "verification_decided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_supplier_profiles" PRIMARY KEY ("organization_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ix_supplier_profiles_nit" ON "supplier_profiles" ("nit")`);
    await q.query(`CREATE INDEX "ix_supplier_profiles_domicile_municipality" ON "supplier_profiles" ("domicile_municipality")`);
    await q.query(`CREATE INDEX "ix_supplier_profiles_domicile_department" ON "supplier_profiles" ("domicile_department")`);
    await q.query(`CREATE INDEX "ix_supplier_profiles_supplier_type" ON "supplier_profiles" ("supplier_type")`);
    await q.query(`CREATE INDEX "ix_supplier_profiles_size_class" ON "supplier_profiles" ("size_class")`);
    await q.query(
      `CREATE TABLE "supplier_size_classifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "size_class" text NOT NULL, "sector" text NOT NULL, "income_cop" numeric(20,0) NOT NULL, "income_year" integer NOT NULL, "uvt_cop" integer NOT NULL, "uvt_version_id" uuid NOT NULL, "thresholds_version_id" uuid NOT NULL, "bound_from_uvt" integer, "bound_to_uvt" integer, "mipyme" boolean NOT NULL, "classified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_supplier_size_classifications" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supplier_size_classifications_organization_id" ON "supplier_size_classifications" ("organization_id")`);
    await q.query(
      `CREATE TABLE "supplier_unspsc_classes" ("organization_id" uuid NOT NULL, "class_code" text NOT NULL, CONSTRAINT "pk_supplier_unspsc_classes" PRIMARY KEY ("organization_id", "class_code"))`,
    );
    await q.query(`CREATE INDEX "ix_supplier_unspsc_classes_class_code" ON "supplier_unspsc_classes" ("class_code")`);
    await q.query(
      `CREATE TABLE "supplier_national_products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "unspsc_class" text NOT NULL, "rpbn_number" text NOT NULL, "rpbn_expires_on" date NOT NULL, CONSTRAINT "pk_supplier_national_products" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supplier_national_products_organization_id" ON "supplier_national_products" ("organization_id")`);
    await q.query(
      `CREATE TABLE "supplier_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "type" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "uploaded_by" uuid, CONSTRAINT "pk_supplier_documents" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_supplier_documents_organization_id" ON "supplier_documents" ("organization_id")`);
    await q.query(
      `ALTER TABLE "buyer_profiles" ADD CONSTRAINT "fk_buyer_profiles_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_profiles" ADD CONSTRAINT "fk_supplier_profiles_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_size_classifications" ADD CONSTRAINT "fk_supplier_size_classifications_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_size_classifications" ADD CONSTRAINT "fk_supplier_size_classifications_uvt_version_id" FOREIGN KEY ("uvt_version_id") REFERENCES "rule_parameter_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_size_classifications" ADD CONSTRAINT "fk_supplier_size_classifications_thresholds_version_id" FOREIGN KEY ("thresholds_version_id") REFERENCES "rule_parameter_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_unspsc_classes" ADD CONSTRAINT "fk_supplier_unspsc_classes_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_national_products" ADD CONSTRAINT "fk_supplier_national_products_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_documents" ADD CONSTRAINT "fk_supplier_documents_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE FUNCTION rule_parameter_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'rule parameter versions are never changed: add a new version'; END $$`);
    await q.query(
      `CREATE TRIGGER rule_parameter_versions_immutable BEFORE UPDATE OR DELETE ON rule_parameter_versions FOR EACH ROW EXECUTE FUNCTION rule_parameter_versions_immutable()`,
    );
    await q.query(`INSERT INTO rule_parameter_versions (parameter, period, value, valid_from, source, note) VALUES
        ('uvt', '2022', '38004', '2022-01-01', 'DIAN, Resolución 000140 de 2021', 'Valor de RULES.md; confirmar el número de la resolución.'),
        ('uvt', '2023', '42412', '2023-01-01', 'DIAN, Resolución 001264 de 2022', 'No figura en RULES.md; confirmar contra la resolución de la DIAN.'),
        ('uvt', '2024', '47065', '2024-01-01', 'DIAN, Resolución 000187 de 2023', 'Valor de RULES.md; confirmar el número de la resolución.'),
        ('uvt', '2025', '49799', '2025-01-01', 'DIAN, Resolución 000193 de 2024', NULL),
        ('uvt', '2026', '52374', '2026-01-01', 'DIAN, Resolución 000238 de 2025', NULL),
        ('smmlv', '2025', '1423500', '2025-01-01', 'Decreto 1572 de 2024', 'Valor de RULES.md; confirmar el número del decreto.'),
        ('smmlv', '2026', '1750905', '2026-01-01', 'RULES.md §6 (SMMLV 2026)', 'Confirmar el número del decreto.'),
        ('size_thresholds', 'all', '{"manufactura":{"micro":23563,"pequena":204995,"mediana":1736565},"servicios":{"micro":32988,"pequena":131951,"mediana":483034},"comercio":{"micro":44769,"pequena":431196,"mediana":2160692}}', '2019-06-05', 'Decreto 957 de 2019, art. 2.2.1.13.2.2 (Decreto 1074 de 2015)', 'Los ingresos del año N se convierten con la UVT del año N (por confirmar).'),
        ('mipyme_call_threshold', '2024-2025', '{"usd":125000,"cop":532338092}', '2024-01-01', 'Ley 2069 de 2020 art. 30; Decreto 1082 de 2015 art. 2.2.1.2.4.2.2; cifra publicada por MinCIT', 'Por confirmar el bienio de la cifra de COP 532.338.092.'),
        ('menor_cuantia_bands', 'all', '[{"fromSmmlv":0,"menorCuantiaSmmlv":280},{"fromSmmlv":120000,"menorCuantiaSmmlv":450},{"fromSmmlv":400000,"menorCuantiaSmmlv":650},{"fromSmmlv":850000,"menorCuantiaSmmlv":850},{"fromSmmlv":1200000,"menorCuantiaSmmlv":1000}]', '2007-07-16', 'Ley 1150 de 2007 art. 2 num. 2 lit. b', 'Tabla por confirmar (RULES.md §6).')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'buyer_profiles',
      'supplier_documents',
      'supplier_national_products',
      'supplier_unspsc_classes',
      'supplier_size_classifications',
      'supplier_profiles',
      'rule_parameter_versions',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION rule_parameter_versions_immutable()`);
  }
}
