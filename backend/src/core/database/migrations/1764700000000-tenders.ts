import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procurement needs (issue 5): tenders with lots, their published versions (adendas), documents,
 * questions, mipyme-limitation requests and followers; the Plan Anual de Adquisiciones with the
 * suppliers' interest. Tender references come from a sequence so two buyers never get the same one.
 * The schedule defaults gain the adenda minimum before closing as a new version ("confirm").
 */
export class Tenders1764700000000 implements MigrationInterface {
  name = 'Tenders1764700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "tenders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "buyer_organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "modality" text NOT NULL, "productive_bet" text, "execution_department" text NOT NULL, "execution_municipality" text, "estimated_value_cop" numeric(20,0) NOT NULL, "status" text NOT NULL DEFAULT 'draft', "schedule" jsonb NOT NULL, "closing_time" text NOT NULL, "closing_at" TIMESTAMP WITH TIME ZONE NOT NULL, "criteria" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '0', "limitation" jsonb, "territorial_limitation" jsonb, "status_reason" text, "published_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tenders" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "ix_tenders_reference" ON "tenders"  ("reference")`,
      `CREATE INDEX "ix_tenders_buyer_organization_id" ON "tenders"  ("buyer_organization_id")`,
      `CREATE INDEX "ix_tenders_status_closing_at" ON "tenders"  ("status", "closing_at")`,
      `CREATE TABLE "tender_lots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "unspsc_classes" text array NOT NULL, "quantity" numeric(20,0) NOT NULL, "unit" text NOT NULL, "estimated_value_cop" numeric(20,0) NOT NULL, "reserved_for_mipymes" boolean NOT NULL DEFAULT false, "reserved_for_economia_popular" boolean NOT NULL DEFAULT false, "territorial_limitation" jsonb, "national_component_min_percent" integer, CONSTRAINT "pk_tender_lots" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "uq_tender_lots_position" ON "tender_lots"  ("tender_id", "position")`,
      `CREATE TABLE "tender_versions" ("tender_id" uuid NOT NULL, "number" integer NOT NULL, "kind" text NOT NULL, "reason" text, "changes" jsonb NOT NULL, "closing_extended" boolean NOT NULL DEFAULT false, "snapshot" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_versions" PRIMARY KEY ("tender_id", "number"))`,
      `CREATE TABLE "tender_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "name" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_documents" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_tender_documents_tender_id" ON "tender_documents"  ("tender_id")`,
      `CREATE TABLE "tender_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "lot_id" uuid, "asker_organization_id" uuid NOT NULL, "asker_user_id" uuid NOT NULL, "text" text NOT NULL, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" uuid, CONSTRAINT "pk_tender_questions" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_tender_questions_tender_asked_at" ON "tender_questions"  ("tender_id", "asked_at")`,
      `CREATE TABLE "tender_mipyme_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "supplier_organization_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "received_on" date NOT NULL, "colombian" boolean NOT NULL, "mipyme" boolean NOT NULL, "size_class" text, "size_classification_id" uuid, "constituted_on" date, "document_ids" uuid array NOT NULL, "documents_complete" boolean NOT NULL, "requested_by" uuid NOT NULL, CONSTRAINT "pk_tender_mipyme_requests" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "uq_tender_mipyme_requests_supplier" ON "tender_mipyme_requests"  ("tender_id", "supplier_organization_id")`,
      `CREATE TABLE "tender_followers" ("tender_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "followed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_followers" PRIMARY KEY ("tender_id", "organization_id"))`,
      `CREATE TABLE "procurement_plan_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "buyer_organization_id" uuid NOT NULL, "year" integer NOT NULL, "description" text NOT NULL, "unspsc_classes" text array NOT NULL, "estimated_value_cop" numeric(20,0) NOT NULL, "expected_month" integer NOT NULL, "modality" text NOT NULL, "productive_bet" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_procurement_plan_lines" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_procurement_plan_lines_buyer_year" ON "procurement_plan_lines"  ("buyer_organization_id", "year")`,
      `CREATE TABLE "procurement_plan_interests" ("plan_line_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_procurement_plan_interests" PRIMARY KEY ("plan_line_id", "organization_id"))`,
      `ALTER TABLE "tenders" ADD CONSTRAINT "fk_tenders_buyer_organization_id" FOREIGN KEY ("buyer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_lots" ADD CONSTRAINT "fk_tender_lots_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_versions" ADD CONSTRAINT "fk_tender_versions_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_documents" ADD CONSTRAINT "fk_tender_documents_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_questions" ADD CONSTRAINT "fk_tender_questions_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_questions" ADD CONSTRAINT "fk_tender_questions_lot_id" FOREIGN KEY ("lot_id") REFERENCES "tender_lots"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_mipyme_requests" ADD CONSTRAINT "fk_tender_mipyme_requests_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_followers" ADD CONSTRAINT "fk_tender_followers_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "procurement_plan_lines" ADD CONSTRAINT "fk_procurement_plan_lines_buyer_organization_id" FOREIGN KEY ("buyer_organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "procurement_plan_interests" ADD CONSTRAINT "fk_procurement_plan_interests_plan_line_id" FOREIGN KEY ("plan_line_id") REFERENCES "procurement_plan_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `CREATE SEQUENCE "tender_reference_seq"`,
    ])
      await q.query(sql);
    const [current] = await q.query(
      `SELECT value FROM rule_parameter_versions WHERE parameter = 'schedule_defaults' ORDER BY valid_from DESC, created_at DESC LIMIT 1`,
    );
    const value = Object.fromEntries(
      Object.entries(current.value as Record<string, Record<string, number | null> | null>).map(([modality, rule]) => [
        modality,
        rule && { ...rule, adendaBeforeClosing: modality === 'minima_cuantia' ? 1 : 3 },
      ]),
    );
    await q.query(
      `INSERT INTO rule_parameter_versions (parameter, period, value, valid_from, source, note) VALUES ('schedule_defaults', 'all', $1, '2015-05-26', $2, $3)`,
      [
        JSON.stringify(value),
        'Decreto 1082 de 2015 art. 2.2.1.1.2.2.1 (adendas) y práctica de Colombia Compra Eficiente',
        'Agrega el mínimo de días hábiles entre una adenda y el cierre: 3 en licitación pública (por confirmar en las demás modalidades; 1 en mínima cuantía).',
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Versions are immutable by trigger; only undoing this migration may remove them.
    await q.query(`ALTER TABLE rule_parameter_versions DISABLE TRIGGER rule_parameter_versions_immutable`);
    await q.query(`DELETE FROM rule_parameter_versions WHERE parameter = 'schedule_defaults' AND value::text LIKE '%adendaBeforeClosing%'`);
    await q.query(`ALTER TABLE rule_parameter_versions ENABLE TRIGGER rule_parameter_versions_immutable`);
    for (const sql of [
      `DROP SEQUENCE "tender_reference_seq"`,
      `ALTER TABLE "procurement_plan_interests" DROP CONSTRAINT "fk_procurement_plan_interests_plan_line_id"`,
      `ALTER TABLE "procurement_plan_lines" DROP CONSTRAINT "fk_procurement_plan_lines_buyer_organization_id"`,
      `ALTER TABLE "tender_followers" DROP CONSTRAINT "fk_tender_followers_tender_id"`,
      `ALTER TABLE "tender_mipyme_requests" DROP CONSTRAINT "fk_tender_mipyme_requests_tender_id"`,
      `ALTER TABLE "tender_questions" DROP CONSTRAINT "fk_tender_questions_lot_id"`,
      `ALTER TABLE "tender_questions" DROP CONSTRAINT "fk_tender_questions_tender_id"`,
      `ALTER TABLE "tender_documents" DROP CONSTRAINT "fk_tender_documents_tender_id"`,
      `ALTER TABLE "tender_versions" DROP CONSTRAINT "fk_tender_versions_tender_id"`,
      `ALTER TABLE "tender_lots" DROP CONSTRAINT "fk_tender_lots_tender_id"`,
      `ALTER TABLE "tenders" DROP CONSTRAINT "fk_tenders_buyer_organization_id"`,
      `DROP TABLE "procurement_plan_interests"`,
      `DROP INDEX "public"."ix_procurement_plan_lines_buyer_year"`,
      `DROP TABLE "procurement_plan_lines"`,
      `DROP TABLE "tender_followers"`,
      `DROP INDEX "public"."uq_tender_mipyme_requests_supplier"`,
      `DROP TABLE "tender_mipyme_requests"`,
      `DROP INDEX "public"."ix_tender_questions_tender_asked_at"`,
      `DROP TABLE "tender_questions"`,
      `DROP INDEX "public"."ix_tender_documents_tender_id"`,
      `DROP TABLE "tender_documents"`,
      `DROP TABLE "tender_versions"`,
      `DROP INDEX "public"."uq_tender_lots_position"`,
      `DROP TABLE "tender_lots"`,
      `DROP INDEX "public"."ix_tenders_status_closing_at"`,
      `DROP INDEX "public"."ix_tenders_buyer_organization_id"`,
      `DROP INDEX "public"."ix_tenders_reference"`,
      `DROP TABLE "tenders"`,
    ])
      await q.query(sql);
  }
}
