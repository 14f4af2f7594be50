import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The learner's work in progress, one row per learner and exercise, so code follows them to another
 * browser or device. `revision` grows by one per save: tabs order the `draft.updated` events by it.
 */
export class CreateDrafts1796299241598 implements MigrationInterface {
  name = 'CreateDrafts1796299241598';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "drafts" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "code" text NOT NULL,
        "revision" int NOT NULL DEFAULT 1,
        "tab_id" varchar(64) NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("user_id", "exercise_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "drafts"`);
  }
}
