import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search, matching and notifications (issue 6). The tender search tables belong to the PostgreSQL
 * engine (modules/search/postgres-search.engine.ts) and have no entity: they are an index, rebuilt
 * from the tenders by `npm run reindex`.
 */
export class SearchMatchingNotifications1764900000000 implements MigrationInterface {
  name = 'SearchMatchingNotifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE EXTENSION IF NOT EXISTS fuzzystrmatch`,
      // Spanish stemming of unaccented words, so "adquisicion" and "adquisición" are one lexeme.
      `CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = pg_catalog.spanish)`,
      `ALTER TEXT SEARCH CONFIGURATION es_unaccent ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem`,
      `CREATE TABLE "tender_search_documents" ("tender_id" uuid NOT NULL, "status" text NOT NULL, "modality" text NOT NULL, "productive_bet" text, "department" text NOT NULL, "municipality" text, "estimated_value_cop" numeric(20,0) NOT NULL, "closing_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "unspsc_codes" text array NOT NULL, "segments" text array NOT NULL, "reserved" text array NOT NULL, "document" tsvector NOT NULL, "changed_in" xid8 NOT NULL DEFAULT pg_current_xact_id(), "search_no" integer GENERATED ALWAYS AS IDENTITY, CONSTRAINT "pk_tender_search_documents" PRIMARY KEY ("tender_id"), CONSTRAINT "fk_tender_search_documents_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE)`,
      `CREATE INDEX "ix_tender_search_documents_document" ON "tender_search_documents" USING gin ("document")`,
      `CREATE INDEX "ix_tender_search_documents_unspsc" ON "tender_search_documents" USING gin ("unspsc_codes")`,
      `CREATE INDEX "ix_tender_search_documents_status_closing" ON "tender_search_documents" ("status", "closing_at", "tender_id")`,
      `CREATE INDEX "ix_tender_search_documents_published" ON "tender_search_documents" ("published_at" DESC, "tender_id")`,
      `CREATE INDEX "ix_tender_search_documents_closing" ON "tender_search_documents" ("closing_at", "tender_id")`,
      `CREATE INDEX "ix_tender_search_documents_budget" ON "tender_search_documents" ("estimated_value_cop" DESC, "tender_id")`,
      // The transaction of each document's last change, and of each removal: the engine's in-memory
      // columns (tender-columns.ts) read only what changed since they last looked. search_no, kept
      // by upserts, is the document's position in those columns.
      `CREATE INDEX "ix_tender_search_documents_changed_in" ON "tender_search_documents" ("changed_in")`,
      `CREATE TABLE "tender_search_removals" ("tender_id" uuid NOT NULL, "changed_in" xid8 NOT NULL DEFAULT pg_current_xact_id(), CONSTRAINT "pk_tender_search_removals" PRIMARY KEY ("tender_id"))`,
      `CREATE INDEX "ix_tender_search_removals_changed_in" ON "tender_search_removals" ("changed_in")`,
      `CREATE FUNCTION tender_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           INSERT INTO tender_search_removals (tender_id) VALUES (OLD.tender_id)
             ON CONFLICT (tender_id) DO UPDATE SET changed_in = pg_current_xact_id();
           RETURN OLD;
         END IF;
         NEW.changed_in := pg_current_xact_id();
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER tender_search_documents_changed BEFORE INSERT OR UPDATE ON "tender_search_documents" FOR EACH ROW EXECUTE FUNCTION tender_search_changed()`,
      `CREATE TRIGGER tender_search_documents_removed AFTER DELETE ON "tender_search_documents" FOR EACH ROW EXECUTE FUNCTION tender_search_changed()`,
      // Words of the indexed tenders, for forgiving one typo: a misspelt word is looked up here by trigrams.
      `CREATE TABLE "search_terms" ("term" text NOT NULL, CONSTRAINT "pk_search_terms" PRIMARY KEY ("term"))`,
      `CREATE INDEX "ix_search_terms_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops)`,
      `CREATE TABLE "tender_matches" ("tender_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "version" integer NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL, "lot_ids" uuid array NOT NULL, "matched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_tender_matches" PRIMARY KEY ("tender_id", "organization_id"))`,
      `CREATE INDEX "ix_tender_matches_organization_id" ON "tender_matches"  ("organization_id")`,
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "tender_id" uuid NOT NULL, "version" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "score" integer, "saved_search_id" uuid, "email_status" text NOT NULL DEFAULT 'none', "emailed_at" TIMESTAMP WITH TIME ZONE, "email_attempts" integer NOT NULL DEFAULT 0, "email_claimed_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_notifications_email_status" ON "notifications"  ("email_status", "created_at") WHERE email_status IN ('pending', 'digest', 'sending')`,
      `CREATE INDEX "ix_notifications_user_created" ON "notifications"  ("user_id", "created_at")`,
      `CREATE UNIQUE INDEX "uq_notifications_user_dedupe" ON "notifications"  ("user_id", "dedupe_key")`,
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "tender_matches" text NOT NULL DEFAULT 'instant', "saved_searches" text NOT NULL DEFAULT 'instant', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notification_preferences" PRIMARY KEY ("user_id"))`,
      `CREATE TABLE "saved_searches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "query" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_saved_searches" PRIMARY KEY ("id"))`,
      `CREATE INDEX "ix_saved_searches_user_id" ON "saved_searches"  ("user_id")`,
      `ALTER TABLE "tender_matches" ADD CONSTRAINT "fk_tender_matches_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "tender_matches" ADD CONSTRAINT "fk_tender_matches_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "fk_notification_preferences_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "saved_searches" ADD CONSTRAINT "fk_saved_searches_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE "saved_searches" DROP CONSTRAINT "fk_saved_searches_user_id"`,
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "fk_notification_preferences_user_id"`,
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_tender_id"`,
      `ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user_id"`,
      `ALTER TABLE "tender_matches" DROP CONSTRAINT "fk_tender_matches_organization_id"`,
      `ALTER TABLE "tender_matches" DROP CONSTRAINT "fk_tender_matches_tender_id"`,
      `DROP INDEX "ix_saved_searches_user_id"`,
      `DROP TABLE "saved_searches"`,
      `DROP TABLE "notification_preferences"`,
      `DROP INDEX "uq_notifications_user_dedupe"`,
      `DROP INDEX "ix_notifications_user_created"`,
      `DROP INDEX "ix_notifications_email_status"`,
      `DROP TABLE "notifications"`,
      `DROP INDEX "ix_tender_matches_organization_id"`,
      `DROP TABLE "tender_matches"`,
      `DROP TABLE "search_terms"`,
      `DROP TABLE "tender_search_documents"`,
      `DROP FUNCTION tender_search_changed()`,
      `DROP TABLE "tender_search_removals"`,
      `DROP TEXT SEARCH CONFIGURATION es_unaccent`,
      `DROP EXTENSION IF EXISTS fuzzystrmatch`,
    ])
      await q.query(sql);
  }
}
