import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Gamification: per-learner state, XP awards (one per learner + exercise), achievement unlocks (one per
 * learner + achievement) and graded_submits (one per graded Submit: makes recordSubmitOutcome idempotent
 * per submission and tells whether a Submit was the learner's first of an exercise).
 */
export class CreateGamification1795281363540 implements MigrationInterface {
  name = 'CreateGamification1795281363540';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "learner_progress" (
        "user_id" uuid PRIMARY KEY REFERENCES "users"("id") ON DELETE CASCADE,
        "xp" int NOT NULL DEFAULT 0,
        "solved_count" int NOT NULL DEFAULT 0,
        "first_try_solves" int NOT NULL DEFAULT 0,
        "hint_free_solves" int NOT NULL DEFAULT 0,
        "streak_current" int NOT NULL DEFAULT 0,
        "streak_longest" int NOT NULL DEFAULT 0,
        "streak_freezes" int NOT NULL DEFAULT 0,
        "streak_last_day" date NULL,
        "spree_current" int NOT NULL DEFAULT 0,
        "spree_best" int NOT NULL DEFAULT 0,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE "xp_awards" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "course_id" uuid NOT NULL REFERENCES "courses"("id") ON DELETE CASCADE,
        "submission_id" uuid NULL,
        "xp" int NOT NULL CONSTRAINT "CHK_xp_awards_xp" CHECK ("xp" >= 0),
        "base_xp" int NOT NULL,
        "bonus_xp" int NOT NULL,
        "hint_penalty" int NOT NULL,
        "forfeited" boolean NOT NULL,
        "awarded_at" timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_xp_awards_user_exercise" ON "xp_awards" ("user_id", "exercise_id")`);
    // Board rebuilds: global boards scan by time, course boards by course then time.
    await q.query(`CREATE INDEX "IDX_xp_awards_awarded_at" ON "xp_awards" ("awarded_at")`);
    await q.query(`CREATE INDEX "IDX_xp_awards_course_awarded_at" ON "xp_awards" ("course_id", "awarded_at")`);
    await q.query(`CREATE INDEX "IDX_xp_awards_exercise" ON "xp_awards" ("exercise_id")`);

    await q.query(`
      CREATE TABLE "learner_achievements" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "achievement_id" varchar(64) NOT NULL,
        "unlocked_at" timestamptz NOT NULL,
        "submission_id" uuid NULL,
        CONSTRAINT "PK_learner_achievements" PRIMARY KEY ("user_id", "achievement_id")
      )`);

    await q.query(`
      CREATE TABLE "graded_submits" (
        "submission_id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "passed" boolean NOT NULL,
        "xp_awarded" int NOT NULL,
        "graded_at" timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_graded_submits_user_exercise" ON "graded_submits" ("user_id", "exercise_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "graded_submits"`);
    await q.query(`DROP TABLE "learner_achievements"`);
    await q.query(`DROP TABLE "xp_awards"`);
    await q.query(`DROP TABLE "learner_progress"`);
  }
}
