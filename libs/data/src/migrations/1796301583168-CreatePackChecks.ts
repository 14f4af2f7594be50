import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publish checks of uploaded packs (issue 12): the api stores the validated pack and queues a job; a worker
 * grades it within a budget and imports it. At most one pending check per instructor (the partial unique
 * index), so the queue serves instructors in turn and nobody can flood it.
 */
export class CreatePackChecks1796301583168 implements MigrationInterface {
  name = 'CreatePackChecks1796301583168';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pack_checks" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "slug" text NOT NULL,
        "version" text NOT NULL,
        "status" text NOT NULL DEFAULT 'queued'
          CHECK ("status" IN ('queued', 'running', 'published', 'refused', 'cancelled', 'failed')),
        "pack" jsonb,
        "budget_ms" integer NOT NULL,
        "graded" integer NOT NULL DEFAULT 0,
        "gradings" integer NOT NULL DEFAULT 0,
        "report" jsonb,
        "result" jsonb,
        "code" text,
        "message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pack_checks_one_pending_per_owner" ON "pack_checks" ("owner_id") WHERE "status" IN ('queued', 'running')`,
    );
    await queryRunner.query(`CREATE INDEX "pack_checks_owner_created" ON "pack_checks" ("owner_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pack_checks"`);
  }
}
