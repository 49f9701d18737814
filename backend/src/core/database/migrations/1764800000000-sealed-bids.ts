import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sealed bids (issue 7, intake): one bid per supplier and tender, its content encrypted with the
 * tender's data key, which is stored wrapped by a master key that lives outside the database.
 */
export class SealedBids1764800000000 implements MigrationInterface {
  name = 'SealedBids1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "tender_bid_keys" ("tender_id" uuid NOT NULL, "key_id" text NOT NULL, "iv" bytea NOT NULL, "tag" bytea NOT NULL, "wrapped_key" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_bid_keys" PRIMARY KEY ("tender_id"))`,
      `CREATE TABLE "bids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "supplier_organization_id" uuid NOT NULL, "status" text NOT NULL, "version" integer NOT NULL, "iv" bytea NOT NULL, "tag" bytea NOT NULL, "sealed_content" bytea NOT NULL, "digest" text NOT NULL, "nonce" text NOT NULL, "lot_ids" uuid array NOT NULL, "idempotency_key" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" uuid NOT NULL, CONSTRAINT "pk_bids" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "uq_bids_tender_supplier" ON "bids"  ("tender_id", "supplier_organization_id")`,
      `ALTER TABLE "tender_bid_keys" ADD CONSTRAINT "fk_tender_bid_keys_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "bids" ADD CONSTRAINT "fk_bids_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "bids" ADD CONSTRAINT "fk_bids_supplier_organization_id" FOREIGN KEY ("supplier_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE "bids" DROP CONSTRAINT "fk_bids_supplier_organization_id"`,
      `ALTER TABLE "bids" DROP CONSTRAINT "fk_bids_tender_id"`,
      `ALTER TABLE "tender_bid_keys" DROP CONSTRAINT "fk_tender_bid_keys_tender_id"`,
      `DROP INDEX "public"."uq_bids_tender_supplier"`,
      `DROP TABLE "bids"`,
      `DROP TABLE "tender_bid_keys"`,
    ])
      await q.query(sql);
  }
}
