import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Common mistakes (issue 16 item 3): a failing Submit's signature (libs/sandbox mistake-signature.ts) is
 * stored on its row, and an instructor's note per exercise and signature. A note keeps the tests hash it
 * was written against: a later version with other tests marks it "needs review" instead of showing it.
 */
export class CreateMistakeNotes1796302000000 implements MigrationInterface {
  name = 'CreateMistakeNotes1796302000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" ADD COLUMN "mistake_signature" text`);
    await queryRunner.query(
      `CREATE INDEX "submissions_mistake_idx" ON "submissions" ("exercise_id", "mistake_signature") WHERE "mistake_signature" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "mistake_notes" (
        "exercise_id" uuid NOT NULL REFERENCES "exercises"("id") ON DELETE CASCADE,
        "signature" text NOT NULL,
        "note" text NOT NULL,
        "tests_hash" text NOT NULL,
        "author_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("exercise_id", "signature")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mistake_notes"`);
    await queryRunner.query(`DROP INDEX "submissions_mistake_idx"`);
    await queryRunner.query(`ALTER TABLE "submissions" DROP COLUMN "mistake_signature"`);
  }
}
