// Leaderboards from the source of truth: SUM(xp) and MAX(awarded_at) per learner over xp_awards in a period.
// The api serves these straight (no Redis) or loads them into Redis sorted sets (rebuilds).
import type { EntityManager } from 'typeorm';
import { periodRange, type LeaderboardPeriod, type LeaderboardRow } from '@questline/gamification';

export interface BoardQuery {
  period: LeaderboardPeriod;
  /** A course id (uuid); null for the global board. */
  courseId: string | null;
  /** Any instant inside the period. */
  at: Date;
}

function boardFilter(query: BoardQuery, firstParam: number): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const { start, end } = periodRange(query.period, query.at);
  if (start && end) {
    params.push(start, end);
    clauses.push(`"awarded_at" >= $${firstParam} AND "awarded_at" < $${firstParam + 1}`);
  }
  if (query.courseId) {
    params.push(query.courseId);
    clauses.push(`"course_id" = $${firstParam + params.length - 1}`);
  }
  return { where: clauses.length ? clauses.join(' AND ') : 'TRUE', params };
}

interface SumRow {
  user_id: string;
  xp: number;
  reached_at: Date;
}

/** Every learner with XP on the board (unordered; rank with rankEntries). Forfeited (0 XP) solves do not place. */
export async function leaderboardRowsFromPostgres(manager: EntityManager, query: BoardQuery): Promise<LeaderboardRow[]> {
  const { where, params } = boardFilter(query, 1);
  const rows: SumRow[] = await manager.query(
    `SELECT "user_id", SUM("xp")::int AS "xp", MAX("awarded_at") FILTER (WHERE "xp" > 0) AS "reached_at"
       FROM "xp_awards" WHERE ${where}
      GROUP BY "user_id" HAVING SUM("xp") > 0`,
    params,
  );
  return rows.map((r) => ({ learnerId: r.user_id, xp: r.xp, reachedAt: r.reached_at }));
}

/** One learner's row on a board, or null when they have no XP there. */
export async function learnerBoardRow(manager: EntityManager, query: BoardQuery, userId: string): Promise<LeaderboardRow | null> {
  const { where, params } = boardFilter(query, 2);
  const [row]: SumRow[] = await manager.query(
    `SELECT "user_id", SUM("xp")::int AS "xp", MAX("awarded_at") FILTER (WHERE "xp" > 0) AS "reached_at"
       FROM "xp_awards" WHERE "user_id" = $1 AND ${where}
      GROUP BY "user_id" HAVING SUM("xp") > 0`,
    [userId, ...params],
  );
  return row ? { learnerId: row.user_id, xp: row.xp, reachedAt: row.reached_at } : null;
}
