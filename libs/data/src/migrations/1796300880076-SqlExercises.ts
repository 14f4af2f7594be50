import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SQL exercises (docs/sql.md): the `sql` language and the exercise's database setup (schema.sql). */
export class SqlExercises1796300880076 implements MigrationInterface {
  name = 'SqlExercises1796300880076';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP CONSTRAINT "CHK_exercises_language"`);
    await queryRunner.query(
      `ALTER TABLE "exercises" ADD CONSTRAINT "CHK_exercises_language" CHECK ("language" IN ('javascript', 'typescript', 'sql'))`,
    );
    await queryRunner.query(`ALTER TABLE "exercises" ADD COLUMN "database_setup" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "database_setup"`);
    await queryRunner.query(`DELETE FROM "exercises" WHERE "language" = 'sql'`);
    await queryRunner.query(`ALTER TABLE "exercises" DROP CONSTRAINT "CHK_exercises_language"`);
    await queryRunner.query(
      `ALTER TABLE "exercises" ADD CONSTRAINT "CHK_exercises_language" CHECK ("language" IN ('javascript', 'typescript'))`,
    );
  }
}
