import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerHeartbeats1764000000000 implements MigrationInterface {
  name = 'WorkerHeartbeats1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "worker_heartbeats" (
        "worker_id" character varying(200) NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_beat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "beats" integer NOT NULL DEFAULT 1,
        CONSTRAINT "pk_worker_heartbeats" PRIMARY KEY ("worker_id")
      )`);
    await q.query(`CREATE INDEX "ix_worker_heartbeats_last_beat_at" ON "worker_heartbeats" ("last_beat_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "worker_heartbeats"`);
  }
}
