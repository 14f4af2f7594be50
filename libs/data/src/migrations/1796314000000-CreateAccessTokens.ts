import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens (issue 15 item 6). Only the SHA-256 of the secret is stored (the secret is 32 random
 * bytes, so a fast hash is enough: nothing to brute-force); revoking sets revoked_at and the row stays listed
 * nowhere.
 */
export class CreateAccessTokens1796314000000 implements MigrationInterface {
  name = 'CreateAccessTokens1796314000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "access_tokens" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "name" text NOT NULL,
        "token_hash" text NOT NULL,
        "hint" text NOT NULL,
        "scopes" text[] NOT NULL CONSTRAINT "CHK_access_tokens_scopes" CHECK ("scopes" <@ ARRAY['publish', 'stats']::text[] AND cardinality("scopes") > 0),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NULL,
        "expires_at" timestamptz NULL,
        "revoked_at" timestamptz NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_access_tokens_hash" ON "access_tokens" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_access_tokens_user" ON "access_tokens" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "access_tokens"`);
  }
}
