import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Courses (packs), their versions, chapters, exercises, and per-learner completions and reveals. */
export class CreateCatalog1795280940260 implements MigrationInterface {
  name = 'CreateCatalog1795280940260';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "courses" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "slug" varchar(64) NOT NULL,
        "title" varchar(200) NOT NULL,
        "description" text NOT NULL,
        "owner_id" uuid NULL REFERENCES "users"("id") ON DELETE SET NULL,
        "current_version" text NOT NULL,
        "xp_rules" jsonb NOT NULL DEFAULT '{}',
        "content_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_courses_slug" ON "courses" ("slug")`);
    await q.query(`CREATE INDEX "IDX_courses_owner" ON "courses" ("owner_id")`);

    await q.query(`
      CREATE TABLE "course_versions" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL REFERENCES "courses"("id") ON DELETE CASCADE,
        "version" text NOT NULL,
        "content_hash" text NOT NULL,
        "manifest" jsonb NOT NULL,
        "published_by" uuid NULL REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_course_versions_course_version" ON "course_versions" ("course_id", "version")`);

    await q.query(`
      CREATE TABLE "chapters" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL REFERENCES "courses"("id") ON DELETE CASCADE,
        "slug" varchar(64) NOT NULL,
        "title" varchar(200) NOT NULL,
        "position" int NOT NULL,
        "requires" jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_chapters_course_slug" ON "chapters" ("course_id", "slug")`);

    await q.query(`
      CREATE TABLE "exercises" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "course_id" uuid NOT NULL REFERENCES "courses"("id") ON DELETE CASCADE,
        -- SET NULL: a chapter dropped by a new version must not take its (removed) exercises' history with it.
        "chapter_id" uuid NULL REFERENCES "chapters"("id") ON DELETE SET NULL,
        "slug" varchar(64) NOT NULL,
        "title" varchar(200) NOT NULL,
        "position" int NOT NULL,
        "language" varchar(16) NOT NULL CONSTRAINT "CHK_exercises_language" CHECK ("language" IN ('javascript', 'typescript')),
        "difficulty" int NOT NULL,
        "xp" int NOT NULL,
        "file_name" varchar(128) NOT NULL,
        "instructions" text NOT NULL,
        "starter_code" text NOT NULL,
        "solution_code" text NOT NULL,
        "visible_tests" jsonb NOT NULL,
        "hidden_tests" jsonb NOT NULL,
        "hints" jsonb NOT NULL DEFAULT '[]',
        "limits" jsonb NOT NULL DEFAULT '{}',
        "requires" jsonb NOT NULL DEFAULT '{}',
        "reveal_hidden_test_names" boolean NOT NULL DEFAULT false,
        "tests_hash" text NOT NULL,
        "version" text NOT NULL,
        "removed_at" timestamptz NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_exercises_course_slug" ON "exercises" ("course_id", "slug")`);
    await q.query(`CREATE INDEX "IDX_exercises_course_position" ON "exercises" ("course_id", "position")`);

    await q.query(`
      CREATE TABLE "exercise_completions" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "submission_id" uuid NULL,
        "tests_hash" text NOT NULL,
        "course_version" text NOT NULL,
        "solved_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_exercise_completions" PRIMARY KEY ("user_id", "exercise_id")
      )`);
    await q.query(`CREATE INDEX "IDX_exercise_completions_exercise" ON "exercise_completions" ("exercise_id")`);

    await q.query(`
      CREATE TABLE "hint_reveals" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "hint_index" int NOT NULL,
        "cost" int NOT NULL,
        "revealed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_hint_reveals" PRIMARY KEY ("user_id", "exercise_id", "hint_index")
      )`);
    await q.query(`CREATE INDEX "IDX_hint_reveals_exercise" ON "hint_reveals" ("exercise_id")`);

    await q.query(`
      CREATE TABLE "solution_reveals" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "forfeited_xp" int NOT NULL,
        "revealed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_solution_reveals" PRIMARY KEY ("user_id", "exercise_id")
      )`);
    await q.query(`CREATE INDEX "IDX_solution_reveals_exercise" ON "solution_reveals" ("exercise_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "solution_reveals"`);
    await q.query(`DROP TABLE "hint_reveals"`);
    await q.query(`DROP TABLE "exercise_completions"`);
    await q.query(`DROP TABLE "exercises"`);
    await q.query(`DROP TABLE "chapters"`);
    await q.query(`DROP TABLE "course_versions"`);
    await q.query(`DROP TABLE "courses"`);
  }
}
