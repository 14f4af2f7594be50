// What a board is to the api: a period, an optional course, and the instant that picks the period.
import { leaderboardKey, type LeaderboardPeriod } from '@questline/gamification';

export interface BoardCourse {
  id: string;
  slug: string;
  title: string;
}

export interface BoardRef {
  period: LeaderboardPeriod;
  course: BoardCourse | null;
  at: Date;
}

/** The Redis key (without the deployment prefix) and cache key of a board, e.g. `lb:daily:2026-11-21:global`. */
export function boardKey(ref: BoardRef): string {
  return leaderboardKey({ period: ref.period, course: ref.course?.slug ?? null, at: ref.at });
}

/** The socket.io room of a board's subscribers: `lb:<period>:<course slug|global>` (always the current period). */
export function boardRoom(period: LeaderboardPeriod, courseSlug: string | null): string {
  return `lb:${period}:${courseSlug ?? 'global'}`;
}
