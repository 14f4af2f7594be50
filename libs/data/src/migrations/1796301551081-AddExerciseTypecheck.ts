import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Type checking settings per exercise (TypeScript): switches, `false` to opt out, NULL for the platform's defaults. */
export class AddExerciseTypecheck1796301551081 implements MigrationInterface {
  name = 'AddExerciseTypecheck1796301551081';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" ADD "typecheck" jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "typecheck"`);
  }
}
