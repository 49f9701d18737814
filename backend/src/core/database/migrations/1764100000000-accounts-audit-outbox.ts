import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (organizations, users, memberships, sessions, one-time tokens, invitations, login attempts),
 * the tamper-evident audit log and the transactional outbox.
 */
export class AccountsAuditOutbox1764100000000 implements MigrationInterface {
  name = 'AccountsAuditOutbox1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_organization_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "summary" jsonb NOT NULL, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "pk_audit_log" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_audit_log_entity_type_entity_id" ON "audit_log"("entity_type", "entity_id")`);
    await q.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_outbox_published_at_occurred_at" ON "outbox"("published_at", "occurred_at")`);
    await q.query(
      `CREATE TABLE "processed_events" ("consumer" text NOT NULL, "event_id" uuid NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_processed_events" PRIMARY KEY ("consumer", "event_id"))`,
    );
    await q.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, CONSTRAINT "pk_organizations" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "invited_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_invitations" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_invitations_organization_id" ON "invitations"("organization_id")`);
    await q.query(
      `CREATE TABLE "login_attempts" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_login_attempts" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_login_attempts_ip_attempted_at" ON "login_attempts"("ip", "attempted_at")`);
    await q.query(`CREATE INDEX "ix_login_attempts_email_attempted_at" ON "login_attempts"("email", "attempted_at")`);
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "locale" text NOT NULL DEFAULT 'es-CO', "email_verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ix_users_email" ON "users"("email")`);
    await q.query(
      `CREATE TABLE "memberships" ("user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_memberships" PRIMARY KEY ("user_id", "organization_id"))`,
    );
    await q.query(
      `CREATE TABLE "one_time_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "purpose" text NOT NULL, "subject_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_one_time_tokens" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ix_one_time_tokens_token_hash" ON "one_time_tokens"("token_hash")`);
    await q.query(`CREATE INDEX "ix_one_time_tokens_subject_id" ON "one_time_tokens"("subject_id")`);
    await q.query(
      `CREATE TABLE "sessions" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "active_organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_sessions" PRIMARY KEY ("token_hash"))`,
    );
    await q.query(`CREATE INDEX "ix_sessions_user_id" ON "sessions"("user_id")`);
    await q.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "fk_invitations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit log is append-only for everyone, the app's role included: history cannot be rewritten.
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "one_time_tokens"`);
    await q.query(`DROP TABLE "memberships"`);
    await q.query(`DROP TABLE "invitations"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "organizations"`);
    await q.query(`DROP TABLE "login_attempts"`);
    await q.query(`DROP TABLE "processed_events"`);
    await q.query(`DROP TABLE "outbox"`);
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
