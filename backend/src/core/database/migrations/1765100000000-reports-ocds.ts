import { MigrationInterface, QueryRunner } from 'typeorm';

/** The additive measures of the report tables as of this migration (see REPORT_MEASURES). */
const MEASURES = [
  'lots',
  'awarded_lots',
  'void_lots',
  'reserved_lots',
  'bids',
  'single_bid_lots',
  'processes',
  'void_processes',
  'single_bidder_processes',
  'process_bidders',
  'limited_processes',
  'estimated_value_cop',
  'awarded_value_cop',
  'national_value_cop',
  'micro_value_cop',
  'pequena_value_cop',
  'mediana_value_cop',
  'economia_popular_value_cop',
  'women_led_value_cop',
  'cooperative_value_cop',
  'local_value_cop',
  'limited_value_cop',
  'reserved_value_cop',
  'food_value_cop',
  'food_acfc_value_cop',
];
const measureColumns = MEASURES.map((m) => `"${m}" bigint NOT NULL DEFAULT '0'`).join(', ');

/**
 * National-industry reports and OCDS publication (issue 8): facts per decided lot, their monthly
 * rollups and each supplier's part per year, kept by the worker when a tender is decided; the OCDS releases
 * as published; and the supplier's declaration as a small producer of the agricultura campesina,
 * familiar y comunitaria (Ley 2046 de 2020), which the food-purchase indicator reads. Facts of
 * processes decided before this migration are built with `node dist/backend/open-data.js rebuild-reports`.
 */
export class ReportsOcds1765100000000 implements MigrationInterface {
  name = 'ReportsOcds1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "report_lot_facts" (${measureColumns}, "lot_id" uuid NOT NULL, "tender_id" uuid NOT NULL, "buyer_organization_id" uuid NOT NULL, "decided_on" date NOT NULL, "month" date NOT NULL, "department" text NOT NULL, "segment" text NOT NULL, "productive_bet" text NOT NULL, "modality" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report_lot_facts" PRIMARY KEY ("lot_id"))`,
      `CREATE INDEX "ix_report_lot_facts_tender_id" ON "report_lot_facts" ("tender_id")`,
      `CREATE INDEX "ix_report_lot_facts_decided_on" ON "report_lot_facts" ("decided_on")`,
      `CREATE INDEX "ix_report_lot_facts_computed_at" ON "report_lot_facts" ("computed_at")`,
      `CREATE TABLE "report_rollups" (${measureColumns}, "dims" smallint NOT NULL, "month" date NOT NULL, "buyer_organization_id" uuid NOT NULL, "department" text NOT NULL, "segment" text NOT NULL, "productive_bet" text NOT NULL, "modality" text NOT NULL, CONSTRAINT "pk_report_rollups" PRIMARY KEY ("dims", "month", "buyer_organization_id", "department", "segment", "productive_bet", "modality"))`,
      `CREATE TABLE "report_supplier_years" ("year" smallint NOT NULL, "supplier_organization_id" uuid NOT NULL, "size_class" text NOT NULL, "department" text, "matched_months" integer NOT NULL DEFAULT '0', "bidding_months" integer NOT NULL DEFAULT '0', "awarded_months" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_report_supplier_years" PRIMARY KEY ("year", "supplier_organization_id"))`,
      `CREATE INDEX "ix_supplier_profiles_report" ON "supplier_profiles" ("size_class", "domicile_department", "created_at")`,
      `ALTER TABLE "supplier_profiles" ADD "acfc" boolean NOT NULL DEFAULT false`,
      `CREATE TABLE "ocds_releases" ("seq" BIGSERIAL NOT NULL, "release_id" text NOT NULL, "ocid" text NOT NULL, "tender_id" uuid NOT NULL, "date" TIMESTAMP WITH TIME ZONE NOT NULL, "release" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_ocds_releases" PRIMARY KEY ("seq"))`,
      `CREATE UNIQUE INDEX "ix_ocds_releases_release_id" ON "ocds_releases" ("release_id")`,
      `CREATE INDEX "ix_ocds_releases_tender_id" ON "ocds_releases" ("tender_id")`,
      `CREATE INDEX "ix_ocds_releases_date" ON "ocds_releases" ("date")`,
      `CREATE INDEX "ix_ocds_releases_ocid_seq" ON "ocds_releases" ("ocid", "seq")`,
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      `DROP TABLE "ocds_releases"`,
      `ALTER TABLE "supplier_profiles" DROP COLUMN "acfc"`,
      `DROP INDEX "ix_supplier_profiles_report"`,
      `DROP TABLE "report_supplier_years"`,
      `DROP TABLE "report_rollups"`,
      `DROP TABLE "report_lot_facts"`,
    ])
      await q.query(sql);
  }
}
