// Community boss events: damage is every contributor's XP earned inside the window (added in the Submit's
// own transaction), rewards are paid once per learner and event through the gem ledger when it ends.
import type { EntityManager } from 'typeorm';
import type { BossUpdatedEvent, BossView } from '@questline/contracts';
import { BOSS_REWARD_TIERS, bossRewards, bossStatus, validateBossWindow } from '@questline/gamification';
import { awardGems } from './wallet';

interface BossRow {
  id: string;
  title: string;
  health: number;
  starts_at: Date;
  ends_at: Date;
  settled_at: Date | null;
  damage: number;
}

const BOSS_SELECT = `SELECT b."id", b."title", b."health", b."starts_at", b."ends_at", b."settled_at",
        coalesce((SELECT sum(d."damage") FROM "boss_damage" d WHERE d."event_id" = b."id"), 0)::int AS "damage"
   FROM "boss_events" b`;

export function bossEventView(row: BossRow, now: Date): BossUpdatedEvent {
  const status = bossStatus({ health: row.health, startsAt: row.starts_at, endsAt: row.ends_at }, row.damage, now);
  return {
    id: row.id,
    title: row.title,
    health: row.health,
    damage: status.damage,
    remaining: status.remaining,
    remainingPercent: status.remainingPercent,
    phase: status.phase,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
  };
}

export async function createBossEvent(
  manager: EntityManager,
  input: { title: string; health: number; startsAt: Date; endsAt: Date; createdBy: string },
): Promise<BossUpdatedEvent> {
  validateBossWindow(input);
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO "boss_events" ("title", "health", "starts_at", "ends_at", "created_by") VALUES ($1, $2, $3, $4, $5) RETURNING "id"`,
    [input.title, input.health, input.startsAt, input.endsAt, input.createdBy],
  );
  const [created]: BossRow[] = await manager.query(`${BOSS_SELECT} WHERE b."id" = $1`, [row.id]);
  return bossEventView(created, new Date());
}

/** Adds XP earned at `at` to every event running then; answers the events hit, as the bar shows them. */
export async function dealBossDamage(manager: EntityManager, userId: string, xp: number, at: Date): Promise<BossUpdatedEvent[]> {
  if (xp <= 0) return [];
  const hit: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO "boss_damage" ("event_id", "user_id", "damage")
     SELECT "id", $1, $2 FROM "boss_events" WHERE "starts_at" <= $3 AND "ends_at" > $3
     ON CONFLICT ("event_id", "user_id") DO UPDATE SET "damage" = "boss_damage"."damage" + EXCLUDED."damage"
     RETURNING "event_id"`,
    [userId, xp, at],
  );
  if (hit.length === 0) return [];
  const rows: BossRow[] = await manager.query(`${BOSS_SELECT} WHERE b."id" = ANY($1)`, [hit.map((h) => h.event_id)]);
  return rows.map((row) => bossEventView(row, at));
}

/** The event to show now: the running one, else the most recent one that ended within a day, else null. */
export async function currentBoss(manager: EntityManager, userId: string, now: Date): Promise<BossView | null> {
  const [row]: BossRow[] = await manager.query(
    `${BOSS_SELECT} WHERE b."starts_at" <= $1::timestamptz + interval '1 day' AND b."ends_at" > $1::timestamptz - interval '1 day'
      ORDER BY (b."ends_at" > $1::timestamptz) DESC, b."starts_at" DESC LIMIT 1`,
    [now],
  );
  if (!row) return null;
  const [mine]: Array<{ damage: number }> = await manager.query(
    `SELECT "damage" FROM "boss_damage" WHERE "event_id" = $1 AND "user_id" = $2`,
    [row.id, userId],
  );
  const yourDamage = mine?.damage ?? 0;
  return { ...bossEventView(row, now), yourDamage, yourTier: BOSS_REWARD_TIERS.find((t) => yourDamage >= t.minDamage)?.name ?? null };
}

/**
 * Pays the rewards of every event that has ended and is not settled yet: one ledger row per contributor
 * and event (its unique key makes a second settler, or a retry, pay nothing). Answers how many rewards
 * were paid by this call. Call inside a transaction.
 */
export async function settleEndedBosses(manager: EntityManager, now: Date): Promise<number> {
  const ended: BossRow[] = await manager.query(
    `${BOSS_SELECT} WHERE b."ends_at" <= $1 AND b."settled_at" IS NULL ORDER BY b."ends_at" FOR UPDATE OF b SKIP LOCKED`,
    [now],
  );
  let paid = 0;
  for (const event of ended) {
    const contributions: Array<{ user_id: string; damage: number }> = await manager.query(
      `SELECT "user_id", "damage" FROM "boss_damage" WHERE "event_id" = $1`,
      [event.id],
    );
    const defeated = event.damage >= event.health;
    for (const reward of bossRewards(new Map(contributions.map((c) => [c.user_id, c.damage])), defeated)) {
      const note = `${event.title}: ${reward.tier}${defeated ? ' (defeated)' : ''}`;
      if (await awardGems(manager, reward.userId, 'boss', event.id, reward.gems, note)) paid++;
    }
    await manager.query(`UPDATE "boss_events" SET "settled_at" = $2 WHERE "id" = $1`, [event.id, now]);
  }
  return paid;
}
