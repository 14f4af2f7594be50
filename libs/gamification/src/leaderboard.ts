// Leaderboard keys, scores and ranking. Boards: daily, weekly and all-time XP, global and per course.
// Periods are shared by everyone, so they use UTC days and ISO weeks (Monday 00:00 UTC), not the
// learner's own calendar. Redis sorted sets serve the boards; Postgres (the XP awards) is the truth, and
// rankEntries orders rows exactly the way Redis orders the scores built by tieBreakScore.

import { LEADERBOARD_PERIODS, type LeaderboardPeriod } from '@questline/contracts';
import { addDays, dayKey, isoWeekStart, weekKey } from './calendar';

// The periods are part of the contract (clients name them); the rules re-export them for their callers.
export { LEADERBOARD_PERIODS, type LeaderboardPeriod };

export interface LeaderboardRef {
  period: LeaderboardPeriod;
  /** The course (pack) slug or id; omit for the global board. */
  course?: string | null;
  /** Any instant inside the period (ignored for all-time). */
  at: Date;
}

const COURSE_ID_PATTERN = /^[A-Za-z0-9._-]+$/;

function assertCourse(course: string): void {
  // Keys are split on ':' by whoever reads them, so a course id must not contain one.
  if (!COURSE_ID_PATTERN.test(course)) throw new RangeError(`course id not usable in a key: ${course}`);
}

/** The period part of a key: '2026-11-21', '2026-W47' or 'all'. */
export function periodKey(period: LeaderboardPeriod, at: Date): string {
  if (period === 'daily') return dayKey(at);
  if (period === 'weekly') return weekKey(at);
  return 'all';
}

/** e.g. `lb:daily:2026-11-21:global`, `lb:weekly:2026-W47:course:js-basics`, `lb:all-time:all:global`. */
export function leaderboardKey({ period, course, at }: LeaderboardRef): string {
  const scope = course ? `course:${course}` : 'global';
  if (course) assertCourse(course);
  return `lb:${period}:${periodKey(period, at)}:${scope}`;
}

/** Every board an XP award made at `at` in `course` counts towards (global and course, each period). */
export function leaderboardKeysForAward(at: Date, course: string): string[] {
  return LEADERBOARD_PERIODS.flatMap((period) => [leaderboardKey({ period, at }), leaderboardKey({ period, course, at })]);
}

/**
 * The UTC range [start, end) of the period holding `at`, for the Postgres query that rebuilds a board.
 * All-time has no bounds.
 */
export function periodRange(period: LeaderboardPeriod, at: Date): { start: Date | null; end: Date | null } {
  if (period === 'all-time') return { start: null, end: null };
  const firstDay = period === 'daily' ? dayKey(at) : isoWeekStart(dayKey(at));
  const lastDayExclusive = addDays(firstDay, period === 'daily' ? 1 : 7);
  return { start: new Date(`${firstDay}T00:00:00Z`), end: new Date(`${lastDayExclusive}T00:00:00Z`) };
}

/**
 * How long to keep a period's key after it starts, so old boards expire on their own (2 periods past
 * its end, for "yesterday" and "last week" views). Null: never expires.
 */
export function leaderboardKeyTtlSeconds(period: LeaderboardPeriod): number | null {
  if (period === 'daily') return 3 * 86_400;
  if (period === 'weekly') return 3 * 7 * 86_400;
  return null;
}

// Score layout (an integer, so the double Redis stores is exact): xp * 2^31 + (2^31 - 1 - seconds),
// where seconds counts from TIE_BREAK_EPOCH to when the learner reached that XP. More XP always wins;
// at equal XP the earlier arrival has the larger score. Largest score: (2^22 - 1) * 2^31 + 2^31 - 1
// = 2^53 - 1 = Number.MAX_SAFE_INTEGER.
const TIME_BITS = 31;
const TIME_SLOTS = 2 ** TIME_BITS;
/** 2024-01-01T00:00:00Z; arrival times are representable until 2092-01-19T03:14:07Z. */
export const TIE_BREAK_EPOCH = new Date('2024-01-01T00:00:00Z');
export const TIE_BREAK_LATEST = new Date(TIE_BREAK_EPOCH.getTime() + (TIME_SLOTS - 1) * 1000);
/** The most XP a board score can carry (4,194,303). */
export const MAX_LEADERBOARD_XP = 2 ** (53 - TIME_BITS) - 1;

function secondsSinceEpoch(reachedAt: Date): number {
  const ms = reachedAt.getTime();
  if (Number.isNaN(ms) || ms < TIE_BREAK_EPOCH.getTime() || ms > TIE_BREAK_LATEST.getTime()) {
    const range = `${TIE_BREAK_EPOCH.toISOString()} and ${TIE_BREAK_LATEST.toISOString()}`;
    throw new RangeError(`reachedAt must be between ${range}`);
  }
  return Math.floor((ms - TIE_BREAK_EPOCH.getTime()) / 1000);
}

/**
 * The sorted-set score for `xp` reached at `reachedAt` (the time of the learner's latest award counted
 * on that board). Sort descending: more XP first, then whoever got there first (to the second).
 */
export function tieBreakScore(xp: number, reachedAt: Date): number {
  if (!Number.isSafeInteger(xp) || xp < 0 || xp > MAX_LEADERBOARD_XP) {
    throw new RangeError(`xp must be an integer from 0 to ${MAX_LEADERBOARD_XP}, got ${xp}`);
  }
  return xp * TIME_SLOTS + (TIME_SLOTS - 1 - secondsSinceEpoch(reachedAt));
}

/** The XP and arrival time (to the second) a score encodes. */
export function decodeTieBreakScore(score: number): { xp: number; reachedAt: Date } {
  if (!Number.isSafeInteger(score) || score < 0) throw new RangeError(`not a leaderboard score: ${score}`);
  const xp = Math.floor(score / TIME_SLOTS);
  const seconds = TIME_SLOTS - 1 - (score - xp * TIME_SLOTS);
  return { xp, reachedAt: new Date(TIE_BREAK_EPOCH.getTime() + seconds * 1000) };
}

export interface LeaderboardRow {
  learnerId: string;
  xp: number;
  /** When the learner reached `xp` on this board: their latest award in the period. */
  reachedAt: Date;
}

export interface RankedEntry extends LeaderboardRow {
  /** 1-based; unique, since ties are broken. */
  rank: number;
  score: number;
}

// Redis orders equal scores by member bytes; ZREVRANGE (highest first) reverses that too.
function compareMemberBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Ranks rows (e.g. SUM(xp), MAX(awarded_at) per learner over the period, from Postgres) in the same
 * order ZREVRANGE returns the matching sorted set: score descending, then learner id descending by bytes.
 */
export function rankEntries(rows: readonly LeaderboardRow[]): RankedEntry[] {
  return rows
    .map((row) => ({ ...row, score: tieBreakScore(row.xp, row.reachedAt) }))
    .sort((a, b) => b.score - a.score || compareMemberBytes(b.learnerId, a.learnerId))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}
