// Weekly leagues. Learners with activity that week are grouped by tier (Bronze → Diamond) into leagues of
// about LEAGUE_TARGET_SIZE (assignLeagueIndex); weekly XP ranks each league; at the week's end the top PROMOTE_COUNT move up a tier
// and the bottom DEMOTE_COUNT move down (never below Bronze or above Diamond).
//
// Time zones: a league is one table shared by learners in many zones, so its week has one boundary for
// all of them: the ISO week in UTC, Monday 00:00 UTC to the next Monday 00:00 UTC (weekKey in
// calendar.ts, the same week as the weekly leaderboard). A learner's own midnight decides streaks and
// daily quests, never a league's ranking.

export const LEAGUE_TIERS = ['bronze', 'silver', 'gold', 'platinum', 'diamond'] as const;
export type LeagueTier = (typeof LEAGUE_TIERS)[number];

export const LEAGUE_TARGET_SIZE = 30;
export const PROMOTE_COUNT = 5;
export const DEMOTE_COUNT = 5;
/** A league smaller than this demotes nobody (a near-empty table should not punish its few members). */
export const MIN_SIZE_FOR_DEMOTION = 10;

export function tierIndex(tier: LeagueTier): number {
  return LEAGUE_TIERS.indexOf(tier);
}

export function isLeagueTier(value: string): value is LeagueTier {
  return (LEAGUE_TIERS as readonly string[]).includes(value);
}

/**
 * The league a learner joins on their first XP of the week, given the current sizes of their tier's
 * leagues that week (index = league): the first one with room, else a new one. Leagues fill up to the
 * target size in the order learners become active, so a league is people active around the same time.
 */
export function assignLeagueIndex(sizes: readonly number[], target = LEAGUE_TARGET_SIZE): number {
  if (!Number.isSafeInteger(target) || target < 1) throw new RangeError(`league size must be an integer >= 1, got ${target}`);
  const open = sizes.findIndex((size) => size < target);
  return open === -1 ? sizes.length : open;
}

export interface LeagueStanding {
  userId: string;
  weeklyXp: number;
  /** When their last XP of the week was earned: who got there first ranks higher on a tie. Null: none. */
  lastXpAt: Date | null;
}

export type LeagueZone = 'promotion' | 'safe' | 'demotion';

export interface RankedStanding extends LeagueStanding {
  rank: number;
  zone: LeagueZone;
}

/** Ranks a league: XP descending, then who reached it first, then user id (stable). */
export function rankLeague(tier: LeagueTier, standings: readonly LeagueStanding[]): RankedStanding[] {
  const sorted = [...standings].sort(
    (a, b) =>
      b.weeklyXp - a.weeklyXp ||
      (a.lastXpAt?.getTime() ?? Infinity) - (b.lastXpAt?.getTime() ?? Infinity) ||
      a.userId.localeCompare(b.userId),
  );
  return sorted.map((s, i) => ({ ...s, rank: i + 1, zone: zoneFor(tier, i + 1, sorted.length, s.weeklyXp) }));
}

/**
 * The zone of a rank. Only learners who earned XP that week can promote; Diamond promotes nobody and
 * Bronze demotes nobody; a small league demotes nobody.
 */
export function zoneFor(tier: LeagueTier, rank: number, size: number, weeklyXp: number): LeagueZone {
  const top = tierIndex(tier) === LEAGUE_TIERS.length - 1;
  const bottom = tierIndex(tier) === 0;
  if (!top && rank <= PROMOTE_COUNT && weeklyXp > 0) return 'promotion';
  const demotions = size >= MIN_SIZE_FOR_DEMOTION && !bottom ? DEMOTE_COUNT : 0;
  // Demotion never overlaps the promotion zone, whatever the size.
  if (rank > Math.max(size - demotions, PROMOTE_COUNT)) return 'demotion';
  return 'safe';
}

/** The tier a learner starts next week in. */
export function nextTier(tier: LeagueTier, zone: LeagueZone): LeagueTier {
  const i = tierIndex(tier);
  if (zone === 'promotion') return LEAGUE_TIERS[Math.min(i + 1, LEAGUE_TIERS.length - 1)];
  if (zone === 'demotion') return LEAGUE_TIERS[Math.max(i - 1, 0)];
  return tier;
}
