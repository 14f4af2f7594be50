import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Motivation round 2 (docs/gamification.md): quests, the gem ledger and inventory, community boss battles and
 * weekly leagues. Every award is a row under a unique key, so a Submit delivered twice pays once:
 *   - motivation_submits (PK submission_id): a graded Submit is applied to quests/boss/league once;
 *   - gem_ledger UNIQUE(user_id, reason, ref): one quest reward per quest and period, one per achievement,
 *     one boss reward per event, one purchase per idempotency key.
 */
export class CreateMotivation1796300898376 implements MigrationInterface {
  name = 'CreateMotivation1796300898376';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "motivation_submits" (
        "submission_id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "applied_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "quest_progress" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "period" varchar(8) NOT NULL CONSTRAINT "CHK_quest_progress_period" CHECK ("period" IN ('daily', 'weekly')),
        "period_key" varchar(10) NOT NULL,
        "quest_key" varchar(40) NOT NULL,
        "target" int NOT NULL,
        "progress" int NOT NULL DEFAULT 0 CONSTRAINT "CHK_quest_progress_progress" CHECK ("progress" >= 0 AND "progress" <= "target"),
        "completed_at" timestamptz NULL,
        PRIMARY KEY ("user_id", "period_key", "quest_key")
      )`);
    await q.query(`
      CREATE TABLE "gem_ledger" (
        "id" bigserial PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "delta" int NOT NULL CONSTRAINT "CHK_gem_ledger_delta" CHECK ("delta" <> 0),
        "reason" varchar(16) NOT NULL CONSTRAINT "CHK_gem_ledger_reason" CHECK ("reason" IN ('quest', 'achievement', 'boss', 'purchase')),
        "ref" varchar(120) NOT NULL,
        "note" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_gem_ledger_award" UNIQUE ("user_id", "reason", "ref")
      )`);
    await q.query(`CREATE INDEX "IDX_gem_ledger_user" ON "gem_ledger" ("user_id", "id")`);
    await q.query(`
      CREATE TABLE "inventory" (
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "item" varchar(24) NOT NULL,
        "held" int NOT NULL CONSTRAINT "CHK_inventory_held" CHECK ("held" >= 0),
        PRIMARY KEY ("user_id", "item")
      )`);
    await q.query(`
      CREATE TABLE "boss_events" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "title" varchar(120) NOT NULL,
        "health" int NOT NULL CONSTRAINT "CHK_boss_events_health" CHECK ("health" > 0),
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "created_by" uuid NULL REFERENCES "users"("id") ON DELETE SET NULL,
        "settled_at" timestamptz NULL,
        CONSTRAINT "CHK_boss_events_window" CHECK ("ends_at" > "starts_at")
      )`);
    await q.query(`CREATE INDEX "IDX_boss_events_window" ON "boss_events" ("starts_at", "ends_at")`);
    await q.query(`
      CREATE TABLE "boss_damage" (
        "event_id" uuid NOT NULL REFERENCES "boss_events"("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "damage" int NOT NULL CONSTRAINT "CHK_boss_damage_damage" CHECK ("damage" >= 0),
        PRIMARY KEY ("event_id", "user_id")
      )`);
    await q.query(`
      CREATE TABLE "league_members" (
        "week" varchar(8) NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "tier" varchar(10) NOT NULL,
        "league_index" int NOT NULL,
        "weekly_xp" int NOT NULL DEFAULT 0,
        "last_xp_at" timestamptz NULL,
        PRIMARY KEY ("week", "user_id")
      )`);
    await q.query(`CREATE INDEX "IDX_league_members_league" ON "league_members" ("week", "tier", "league_index")`);
    await q.query(`
      CREATE TABLE "league_results" (
        "week" varchar(8) NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "tier" varchar(10) NOT NULL,
        "rank" int NOT NULL,
        "zone" varchar(10) NOT NULL,
        "next_tier" varchar(10) NOT NULL,
        PRIMARY KEY ("week", "user_id")
      )`);
    await q.query(`CREATE INDEX "IDX_league_results_user" ON "league_results" ("user_id", "week" DESC)`);
    // A hint revealed with a hint discount from the shop costs half (libs/gamification hintPenaltyFor).
    await q.query(`ALTER TABLE "hint_reveals" ADD COLUMN "discounted" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hint_reveals" DROP COLUMN "discounted"`);
    for (const table of [
      'league_results',
      'league_members',
      'boss_damage',
      'boss_events',
      'inventory',
      'gem_ledger',
      'quest_progress',
      'motivation_submits',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
