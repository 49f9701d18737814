import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation, award and contract (issue 7): the sealed files of bids' envelopes, the committee of a tender and its record of each bid, the
 * published evaluation reports and the observations on them, the decision per lot and the contract
 * that follows. Bids remember the version of the terms they answered, and a tender the version from
 * which an adenda asks earlier bids to be reconfirmed, and the seed of its tie-break draw, fixed at
 * closing; bids keep what the registry said of the bidder when it submitted. The Ley 2069 art. 35 tie-break (order and
 * thresholds) becomes a versioned rule parameter, since RULES.md §5 marks its wording "confirm".
 */
/** Ley 2069 de 2020 art. 35 as written: factors 1–11 in their order (12, the draw, always last). */
const TIE_BREAK = {
  order: [
    'national_offer',
    'woman_head_of_household',
    'disability_payroll',
    'older_workers',
    'ethnic_payroll',
    'reincorporation',
    'plural_vulnerable_member',
    'mipyme',
    'plural_small_firms',
    'mipyme_payments',
    'bic_mipyme',
  ],
  disabilityPayrollMinPercent: 10,
  ethnicPayrollMinPercent: 10,
  mipymePaymentsMinPercent: 25,
};

export class EvaluationAward1765000000000 implements MigrationInterface {
  name = 'EvaluationAward1765000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "tender_committee_members" ("tender_id" uuid NOT NULL, "user_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_committee_members" PRIMARY KEY ("tender_id", "user_id"))`,
      `CREATE TABLE "bid_reviews" ("bid_id" uuid NOT NULL, "habilitante" text NOT NULL, "note" text, "scores_hundredths" jsonb NOT NULL, "verified" jsonb NOT NULL, "reviewed_by" uuid NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_bid_reviews" PRIMARY KEY ("bid_id"))`,
      `CREATE TABLE "evaluation_reports" ("tender_id" uuid NOT NULL, "version" integer NOT NULL, "seed" text NOT NULL, "comment_until" date NOT NULL, "content" jsonb NOT NULL, "published_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_evaluation_reports" PRIMARY KEY ("tender_id", "version"))`,
      `CREATE TABLE "evaluation_observations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "report_version" integer NOT NULL, "supplier_organization_id" uuid NOT NULL, "text" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_evaluation_observations" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_evaluation_observations_tender" ON "evaluation_observations" ("tender_id", "created_at")`,
      `CREATE TABLE "awards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "outcome" text NOT NULL, "bid_id" uuid, "supplier_organization_id" uuid, "value_cop" numeric(20,0), "national_industry" text, "size_class" text, "reason" text, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_awards" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_awards_tender_id" ON "awards" ("tender_id")`,
      `CREATE UNIQUE INDEX "ix_awards_lot_id" ON "awards" ("lot_id")`,
      `CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "buyer_organization_id" uuid NOT NULL, "supplier_organization_id" uuid NOT NULL, "value_cop" numeric(20,0) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "national_component_percent" integer NOT NULL, "status" text NOT NULL DEFAULT 'active', "rating" jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, "termination_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_contracts" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "ix_contracts_award_id" ON "contracts" ("award_id")`,
      `CREATE INDEX "ix_contracts_buyer_organization_id" ON "contracts" ("buyer_organization_id")`,
      `CREATE INDEX "ix_contracts_supplier_organization_id" ON "contracts" ("supplier_organization_id")`,
      `ALTER TABLE "tenders" ADD "reconfirm_from_version" integer NOT NULL DEFAULT '0'`,
      `ALTER TABLE "bids" ADD "terms_version" integer NOT NULL DEFAULT '1'`,
      `ALTER TABLE "tenders" ADD "draw_seed" text`,
      `ALTER TABLE "bids" ADD "bidder_facts" jsonb NOT NULL DEFAULT '{"sizeClass": null, "mipyme": false, "womenLed": false}'`,
      // Bids made before this knew nothing of the bidder; from now on every bid states it.
      `ALTER TABLE "bids" ALTER COLUMN "bidder_facts" DROP DEFAULT`,
      `ALTER TABLE "tender_committee_members" ADD CONSTRAINT "fk_tender_committee_members_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_committee_members" ADD CONSTRAINT "fk_tender_committee_members_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "bid_reviews" ADD CONSTRAINT "fk_bid_reviews_bid_id" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "evaluation_reports" ADD CONSTRAINT "fk_evaluation_reports_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "evaluation_observations" ADD CONSTRAINT "fk_evaluation_observations_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "evaluation_observations" ADD CONSTRAINT "fk_evaluation_observations_supplier_organization_id" FOREIGN KEY ("supplier_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_lot_id" FOREIGN KEY ("lot_id") REFERENCES "tender_lots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_bid_id" FOREIGN KEY ("bid_id") REFERENCES "bids"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_supplier_organization_id" FOREIGN KEY ("supplier_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "contracts" ADD CONSTRAINT "fk_contracts_award_id" FOREIGN KEY ("award_id") REFERENCES "awards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `CREATE TABLE "bid_documents" ("id" uuid NOT NULL, "tender_id" uuid NOT NULL, "supplier_organization_id" uuid NOT NULL, "envelope" text NOT NULL, "storage_key" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_bid_documents" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_bid_documents_tender_supplier" ON "bid_documents" ("tender_id", "supplier_organization_id")`,
      `ALTER TABLE "bid_documents" ADD CONSTRAINT "fk_bid_documents_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "bid_documents" ADD CONSTRAINT "fk_bid_documents_supplier_organization_id" FOREIGN KEY ("supplier_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    ])
      await q.query(sql);
    await q.query(
      `INSERT INTO rule_parameter_versions (parameter, period, value, valid_from, source, note) VALUES ('tie_break', 'all', $1, '2020-12-29', $2, $3)`,
      [
        JSON.stringify(TIE_BREAK),
        'Ley 2069 de 2020, art. 35 (factores de desempate)',
        'Por confirmar: la redacción de los factores 3 y 5 a 11 y sus umbrales (10 % de nómina con discapacidad, 10 % de nómina de población étnica, 25 % de pagos a mipymes).',
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Versions are immutable by trigger; only undoing this migration may remove them.
    await q.query(`ALTER TABLE rule_parameter_versions DISABLE TRIGGER rule_parameter_versions_immutable`);
    await q.query(`DELETE FROM rule_parameter_versions WHERE parameter = 'tie_break'`);
    await q.query(`ALTER TABLE rule_parameter_versions ENABLE TRIGGER rule_parameter_versions_immutable`);
    for (const sql of [
      `ALTER TABLE "bid_documents" DROP CONSTRAINT "fk_bid_documents_supplier_organization_id"`,
      `ALTER TABLE "bid_documents" DROP CONSTRAINT "fk_bid_documents_tender_id"`,
      `DROP INDEX "public"."ix_bid_documents_tender_supplier"`,
      `DROP TABLE "bid_documents"`,
      `ALTER TABLE "contracts" DROP CONSTRAINT "fk_contracts_award_id"`,
      `ALTER TABLE "awards" DROP CONSTRAINT "fk_awards_supplier_organization_id"`,
      `ALTER TABLE "awards" DROP CONSTRAINT "fk_awards_bid_id"`,
      `ALTER TABLE "awards" DROP CONSTRAINT "fk_awards_lot_id"`,
      `ALTER TABLE "awards" DROP CONSTRAINT "fk_awards_tender_id"`,
      `ALTER TABLE "evaluation_observations" DROP CONSTRAINT "fk_evaluation_observations_supplier_organization_id"`,
      `ALTER TABLE "evaluation_observations" DROP CONSTRAINT "fk_evaluation_observations_tender_id"`,
      `ALTER TABLE "evaluation_reports" DROP CONSTRAINT "fk_evaluation_reports_tender_id"`,
      `ALTER TABLE "bid_reviews" DROP CONSTRAINT "fk_bid_reviews_bid_id"`,
      `ALTER TABLE "tender_committee_members" DROP CONSTRAINT "fk_tender_committee_members_user_id"`,
      `ALTER TABLE "tender_committee_members" DROP CONSTRAINT "fk_tender_committee_members_tender_id"`,
      `ALTER TABLE "bids" DROP COLUMN "bidder_facts"`,
      `ALTER TABLE "tenders" DROP COLUMN "draw_seed"`,
      `ALTER TABLE "bids" DROP COLUMN "terms_version"`,
      `ALTER TABLE "tenders" DROP COLUMN "reconfirm_from_version"`,
      `DROP INDEX "public"."ix_contracts_supplier_organization_id"`,
      `DROP INDEX "public"."ix_contracts_buyer_organization_id"`,
      `DROP INDEX "public"."ix_contracts_award_id"`,
      `DROP TABLE "contracts"`,
      `DROP INDEX "public"."ix_awards_lot_id"`,
      `DROP INDEX "public"."ix_awards_tender_id"`,
      `DROP TABLE "awards"`,
      `DROP INDEX "public"."ix_evaluation_observations_tender"`,
      `DROP TABLE "evaluation_observations"`,
      `DROP TABLE "evaluation_reports"`,
      `DROP TABLE "bid_reviews"`,
      `DROP TABLE "tender_committee_members"`,
    ])
      await q.query(sql);
  }
}
