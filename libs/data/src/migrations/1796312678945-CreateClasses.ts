import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classrooms (issue 15): an instructor's class, its members (learners and co-instructors), its join invites
 * (a code that expires and can be revoked) and its assignments (a course, one of its chapters or one exercise,
 * with an opening and a due date). Lateness is not stored: it is derived from a submission's time against the
 * assignment's due_at, in one place (libs/contracts classes `isLate`).
 */
export class CreateClasses1796312678945 implements MigrationInterface {
  name = 'CreateClasses1796312678945';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "classes" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "time_zone" text NOT NULL,
        "owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_classes_owner" ON "classes" ("owner_id")`);

    await q.query(`
      CREATE TABLE "class_members" (
        "class_id" uuid NOT NULL REFERENCES "classes"("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "role" text NOT NULL CONSTRAINT "CHK_class_members_role" CHECK ("role" IN ('learner', 'instructor')),
        "joined_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_class_members" PRIMARY KEY ("class_id", "user_id")
      )`);
    await q.query(`CREATE INDEX "IDX_class_members_user" ON "class_members" ("user_id")`);

    await q.query(`
      CREATE TABLE "class_invites" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "class_id" uuid NOT NULL REFERENCES "classes"("id") ON DELETE CASCADE,
        "code" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NULL,
        "created_by" uuid NULL REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_class_invites_code" ON "class_invites" ("code")`);
    await q.query(`CREATE INDEX "IDX_class_invites_class" ON "class_invites" ("class_id")`);

    await q.query(`
      CREATE TABLE "class_assignments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "class_id" uuid NOT NULL REFERENCES "classes"("id") ON DELETE CASCADE,
        "course_id" uuid NOT NULL REFERENCES "courses"("id") ON DELETE CASCADE,
        "chapter_id" uuid NULL REFERENCES "chapters"("id") ON DELETE CASCADE,
        "exercise_id" uuid NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "opens_at" timestamptz NOT NULL,
        "due_at" timestamptz NOT NULL,
        "created_by" uuid NULL REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_class_assignments_dates" CHECK ("due_at" >= "opens_at")
      )`);
    await q.query(`CREATE INDEX "IDX_class_assignments_class" ON "class_assignments" ("class_id")`);
    await q.query(`CREATE INDEX "IDX_class_assignments_course" ON "class_assignments" ("course_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "class_assignments"`);
    await q.query(`DROP TABLE "class_invites"`);
    await q.query(`DROP TABLE "class_members"`);
    await q.query(`DROP TABLE "classes"`);
  }
}
