// Weekly leagues in PostgreSQL: a learner joins a league of their tier on their first XP of the (UTC, ISO)
// week; the week's result (rank, zone, next tier) is settled the first time it is needed after the week
// is over — when one of its members joins next week's league or looks at the table — and stored once.
import type { EntityManager } from 'typeorm';
import type { LeagueView } from '@questline/contracts';
import { assignLeagueIndex, isLeagueTier, nextTier, rankLeague, weekKey, type LeagueTier } from '@questline/gamification';

interface MemberRow {
  week: string;
  user_id: string;
  tier: string;
  league_index: number;
  weekly_xp: number;
  last_xp_at: Date | null;
}

const tierOf = (value: string): LeagueTier => (isLeagueTier(value) ? value : 'bronze');

/** Stores the results of one finished league (all its members), once. */
async function settleLeague(manager: EntityManager, week: string, tier: string, index: number): Promise<void> {
  const members: MemberRow[] = await manager.query(
    `SELECT "user_id", "weekly_xp", "last_xp_at" FROM "league_members" WHERE "week" = $1 AND "tier" = $2 AND "league_index" = $3`,
    [week, tier, index],
  );
  const ranked = rankLeague(
    tierOf(tier),
    members.map((m) => ({ userId: m.user_id, weeklyXp: m.weekly_xp, lastXpAt: m.last_xp_at })),
  );
  await manager.query(
    `INSERT INTO "league_results" ("week", "user_id", "tier", "rank", "zone", "next_tier")
     SELECT $1, u, $2, r, z, n FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[]) AS x(u, r, z, n)
     ON CONFLICT DO NOTHING`,
    [
      week,
      tier,
      ranked.map((r) => r.userId),
      ranked.map((r) => r.rank),
      ranked.map((r) => r.zone),
      ranked.map((r) => nextTier(tierOf(tier), r.zone)),
    ],
  );
}

/** The learner's last finished league week, settled if it was not yet; null if they were never in one. */
async function lastResult(manager: EntityManager, userId: string, currentWeek: string) {
  const [last]: MemberRow[] = await manager.query(
    `SELECT "week", "tier", "league_index" FROM "league_members" WHERE "user_id" = $1 AND "week" < $2 ORDER BY "week" DESC LIMIT 1`,
    [userId, currentWeek],
  );
  if (!last) return null;
  const find = () =>
    manager.query(`SELECT "week", "tier", "rank", "zone", "next_tier" FROM "league_results" WHERE "week" = $1 AND "user_id" = $2`, [
      last.week,
      userId,
    ]) as Promise<Array<{ week: string; tier: string; rank: number; zone: 'promotion' | 'safe' | 'demotion'; next_tier: string }>>;
  let [result] = await find();
  if (!result) {
    await settleLeague(manager, last.week, last.tier, last.league_index);
    [result] = await find();
  }
  return result ?? null;
}

/** Adds XP earned at `at` to the learner's league of that week, joining one first if needed. */
export async function addLeagueXp(manager: EntityManager, userId: string, xp: number, at: Date): Promise<void> {
  if (xp <= 0) return;
  const week = weekKey(at);
  // (A CTE, because TypeORM answers a bare UPDATE with [rows, count].)
  const [updated]: Array<{ n: number }> = await manager.query(
    `WITH "u" AS (UPDATE "league_members" SET "weekly_xp" = "weekly_xp" + $3, "last_xp_at" = greatest("last_xp_at", $4)
                  WHERE "week" = $1 AND "user_id" = $2 RETURNING 1)
     SELECT count(*)::int AS "n" FROM "u"`,
    [week, userId, xp, at],
  );
  if (updated.n > 0) return;
  const tier = tierOf((await lastResult(manager, userId, week))?.next_tier ?? 'bronze');
  // Serialise joins per (week, tier) so concurrent first Submits fill leagues to their size, not past it.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('league:' || $1 || ':' || $2))`, [week, tier]);
  const sizes: Array<{ league_index: number; size: number }> = await manager.query(
    `SELECT "league_index", count(*)::int AS "size" FROM "league_members" WHERE "week" = $1 AND "tier" = $2 GROUP BY 1 ORDER BY 1`,
    [week, tier],
  );
  const bySize: number[] = [];
  for (const s of sizes) bySize[s.league_index] = s.size;
  const index = assignLeagueIndex(Array.from(bySize, (s) => s ?? 0));
  await manager.query(
    `INSERT INTO "league_members" ("week", "user_id", "tier", "league_index", "weekly_xp", "last_xp_at") VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ("week", "user_id") DO UPDATE SET "weekly_xp" = "league_members"."weekly_xp" + EXCLUDED."weekly_xp"`,
    [week, userId, tier, index, xp, at],
  );
}

/** Monday 00:00 UTC after the ISO week of `at`. */
function weekEnd(at: Date): Date {
  const day = at.getUTCDay() === 0 ? 7 : at.getUTCDay();
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + (8 - day)));
}

export async function leagueView(manager: EntityManager, userId: string, now: Date): Promise<LeagueView> {
  const week = weekKey(now);
  const last = await lastResult(manager, userId, week);
  const [me]: MemberRow[] = await manager.query(
    `SELECT "tier", "league_index" FROM "league_members" WHERE "week" = $1 AND "user_id" = $2`,
    [week, userId],
  );
  const tier = tierOf(me?.tier ?? last?.next_tier ?? 'bronze');
  let standings: LeagueView['standings'] = null;
  if (me) {
    const members: Array<MemberRow & { display_name: string }> = await manager.query(
      `SELECT m."user_id", m."weekly_xp", m."last_xp_at", u."display_name" FROM "league_members" m JOIN "users" u ON u."id" = m."user_id"
        WHERE m."week" = $1 AND m."tier" = $2 AND m."league_index" = $3`,
      [week, me.tier, me.league_index],
    );
    const names = new Map(members.map((m) => [m.user_id, m.display_name]));
    standings = rankLeague(
      tier,
      members.map((m) => ({ userId: m.user_id, weeklyXp: m.weekly_xp, lastXpAt: m.last_xp_at })),
    ).map((r) => ({
      rank: r.rank,
      displayName: names.get(r.userId) ?? '',
      weeklyXp: r.weeklyXp,
      zone: r.zone,
      isYou: r.userId === userId,
    }));
  }
  return {
    week,
    tier,
    standings,
    endsAt: weekEnd(now).toISOString(),
    lastWeek: last
      ? { week: last.week, tier: tierOf(last.tier), rank: last.rank, zone: last.zone, nextTier: tierOf(last.next_tier) }
      : null,
  };
}
