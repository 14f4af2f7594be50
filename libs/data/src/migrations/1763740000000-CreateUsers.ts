import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateUsers1763740000000 implements MigrationInterface {
  name = 'CreateUsers1763740000000';

  async up(q: QueryRunner): Promise<void> {
    // gen_random_uuid() is built in from PostgreSQL 13.
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "display_name" varchar(80) NOT NULL,
        "timezone" varchar(64) NOT NULL DEFAULT 'UTC',
        "role" varchar(16) NOT NULL DEFAULT 'learner'
          CONSTRAINT "CHK_users_role" CHECK ("role" IN ('learner', 'instructor', 'admin')),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // Case-insensitive uniqueness even if a row were ever written without normalizing.
    await q.query(`CREATE UNIQUE INDEX "UQ_users_email_lower" ON "users" (lower("email"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "users"`);
  }
}
