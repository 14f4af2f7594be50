// Reading a learner's gamification state from Postgres, shared by the worker (recordSubmitOutcome, under the
// row lock) and the api (GET /api/me/progress and the `progress.updated` push), so both see the same thing.
import type { EntityManager } from 'typeorm';
import type { LearnerProgress } from '@questline/contracts';
import { buildProgress, INITIAL_LEARNER_STATE, type LearnerGamificationState, type StoredUnlock } from '@questline/gamification';

/** learner_progress as selected by PROGRESS_COLUMNS. */
export interface ProgressSqlRow {
  xp: number;
  solved_count: number;
  first_try_solves: number;
  hint_free_solves: number;
  streak_current: number;
  streak_longest: number;
  streak_freezes: number;
  /** 'YYYY-MM-DD' (selected as text: node-postgres would turn a `date` into a local-midnight Date). */
  streak_last_day: string | null;
  spree_current: number;
  spree_best: number;
}

export const PROGRESS_COLUMNS = `"xp", "solved_count", "first_try_solves", "hint_free_solves", "streak_current",
  "streak_longest", "streak_freezes", "streak_last_day"::text AS "streak_last_day", "spree_current", "spree_best"`;

export function stateFromRow(row: ProgressSqlRow | undefined, unlockedAchievementIds: readonly string[]): LearnerGamificationState {
  if (!row) return { ...INITIAL_LEARNER_STATE, unlockedAchievementIds };
  return {
    xp: row.xp,
    solvedCount: row.solved_count,
    firstTrySolves: row.first_try_solves,
    hintFreeSolves: row.hint_free_solves,
    streak: {
      current: row.streak_current,
      longest: row.streak_longest,
      freezes: row.streak_freezes,
      lastDay: row.streak_last_day,
    },
    spree: { current: row.spree_current, best: row.spree_best },
    unlockedAchievementIds,
  };
}

export async function loadUnlocks(manager: EntityManager, userId: string): Promise<StoredUnlock[]> {
  const rows: Array<{ achievement_id: string; unlocked_at: Date }> = await manager.query(
    `SELECT "achievement_id", "unlocked_at" FROM "learner_achievements" WHERE "user_id" = $1 ORDER BY "unlocked_at", "achievement_id"`,
    [userId],
  );
  return rows.map((row) => ({ achievementId: row.achievement_id, unlockedAt: row.unlocked_at }));
}

/** The body of GET /api/me/progress for `userId` as of `now` (a learner with no Submits gets the initial state). */
export async function loadLearnerProgress(manager: EntityManager, userId: string, now: Date): Promise<LearnerProgress> {
  const [row]: ProgressSqlRow[] = await manager.query(`SELECT ${PROGRESS_COLUMNS} FROM "learner_progress" WHERE "user_id" = $1`, [userId]);
  const [user]: Array<{ timezone: string | null }> = await manager.query(`SELECT "timezone" FROM "users" WHERE "id" = $1`, [userId]);
  const unlocks = await loadUnlocks(manager, userId);
  const state = stateFromRow(
    row,
    unlocks.map((u) => u.achievementId),
  );
  return buildProgress({ state, unlocks, now, timeZone: user?.timezone });
}
