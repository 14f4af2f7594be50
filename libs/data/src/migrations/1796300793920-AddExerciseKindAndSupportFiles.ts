import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Refactoring exercises (`kind: refactor`: the starter passes and the learner improves it) and the
 * support files an exercise provides beside the learner's file (graded with it, shown read-only).
 */
export class AddExerciseKindAndSupportFiles1796300793920 implements MigrationInterface {
  name = 'AddExerciseKindAndSupportFiles1796300793920';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "exercises" ADD COLUMN "kind" varchar(16) NOT NULL DEFAULT 'implement' CHECK ("kind" IN ('implement', 'refactor'))`,
    );
    await q.query(`ALTER TABLE "exercises" ADD COLUMN "support_files" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exercises" DROP COLUMN "support_files"`);
    await q.query(`ALTER TABLE "exercises" DROP COLUMN "kind"`);
  }
}
