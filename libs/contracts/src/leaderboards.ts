// Ranked boards: GET /api/leaderboards, the `leaderboard.subscribe` acknowledgement and `leaderboard.updated`.

/** The board periods as the server names them (UTC day, ISO week, all time). */
export type LeaderboardPeriod = 'daily' | 'weekly' | 'all-time';
export const LEADERBOARD_PERIODS: readonly LeaderboardPeriod[] = ['daily', 'weekly', 'all-time'];

/** The period names a client may send (`all` is a short name for `all-time`). */
export const LEADERBOARD_PERIOD_NAMES = ['daily', 'weekly', 'all', 'all-time'] as const;
export type LeaderboardPeriodName = (typeof LEADERBOARD_PERIOD_NAMES)[number];

/** The course of a board; `null` stands for the global board. */
export interface LeaderboardCourse {
  slug: string;
  title: string;
}

export interface LeaderboardEntry {
  /** 1-based; ties are broken by who reached the XP first. */
  rank: number;
  userId: string;
  displayName: string;
  /** XP earned on this board (in this period / course). */
  xp: number;
  /** When the learner reached this XP (ISO 8601, to the second). */
  reachedAt: string;
  /** This entry is the caller (always false in a pushed update). */
  isMe: boolean;
}

export interface Leaderboard {
  period: LeaderboardPeriod;
  /** 'YYYY-MM-DD', 'YYYY-Www' or 'all'. */
  periodKey: string;
  course: LeaderboardCourse | null;
  /** The top of the board. */
  entries: LeaderboardEntry[];
  /** The caller's own entry (even outside the top); null without XP on this board, or in a pushed update. */
  me: LeaderboardEntry | null;
  /** Learners on the board. */
  total: number;
}
