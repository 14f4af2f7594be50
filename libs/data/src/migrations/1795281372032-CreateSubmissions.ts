import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Runs and Submits and their grading results (the grading pipeline). */
export class CreateSubmissions1795281372032 implements MigrationInterface {
  name = 'CreateSubmissions1795281372032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "submissions" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "kind" varchar(8) NOT NULL CHECK ("kind" IN ('run', 'submit')),
        "code" text NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'queued' CHECK ("status" IN ('queued', 'running', 'completed')),
        "verdict" varchar(16) NULL,
        "result" jsonb NULL,
        "outcome" jsonb NULL,
        "xp_awarded" int NULL,
        "course_version" text NOT NULL,
        "tests_hash" text NOT NULL,
        "idempotency_key" text NULL,
        "attempt" int NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz NULL,
        "completed_at" timestamptz NULL,
        -- A completed row always has its verdict and time; a Run never carries XP.
        CONSTRAINT "CHK_submissions_completed" CHECK ("status" <> 'completed' OR ("verdict" IS NOT NULL AND "completed_at" IS NOT NULL)),
        CONSTRAINT "CHK_submissions_run_no_xp" CHECK ("kind" = 'submit' OR "xp_awarded" IS NULL),
        CONSTRAINT "UQ_submissions_user_idempotency_key" UNIQUE ("user_id", "idempotency_key")
      )`);
    // History per exercise and across exercises, newest first.
    await q.query(`CREATE INDEX "IDX_submissions_user_exercise_created" ON "submissions" ("user_id", "exercise_id", "created_at" DESC)`);
    await q.query(`CREATE INDEX "IDX_submissions_user_created" ON "submissions" ("user_id", "created_at" DESC)`);
    // Small partial indexes: the per-learner pending count (429) and the sweep of stuck rows.
    await q.query(`CREATE INDEX "IDX_submissions_pending_user" ON "submissions" ("user_id") WHERE "status" <> 'completed'`);
    await q.query(`CREATE INDEX "IDX_submissions_pending_created" ON "submissions" ("created_at") WHERE "status" <> 'completed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "submissions"`);
  }
}
