import type { MigrationInterface, QueryRunner } from 'typeorm';
import { parseSqlSchema } from '@questline/exercise-format';

/** SQL exercises (docs/sql.md): the tables and columns of schema.sql, parsed at import, shown to learners. */
export class AddExerciseDatabaseSchema1796313000000 implements MigrationInterface {
  name = 'AddExerciseDatabaseSchema1796313000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" ADD COLUMN "database_schema" jsonb`);
    // Exercises imported before this column: parsed from the schema.sql they already store.
    const rows = (await queryRunner.query(`SELECT id, database_setup FROM "exercises" WHERE database_setup IS NOT NULL`)) as Array<{
      id: string;
      database_setup: string;
    }>;
    for (const row of rows) {
      await queryRunner.query(`UPDATE "exercises" SET database_schema = $1 WHERE id = $2`, [
        JSON.stringify(parseSqlSchema(row.database_setup)),
        row.id,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "database_schema"`);
  }
}
