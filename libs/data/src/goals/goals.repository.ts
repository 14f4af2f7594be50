// The counters behind GET /api/me/goals: the learner's progress as GET /api/me/progress answers it, plus
// the two solve counters that progress does not show. Nest-free.
import type { EntityManager } from 'typeorm';
import type { GoalCounters } from '@questline/gamification';
import { loadLearnerProgress } from '../learner-records';

export async function loadGoalCounters(
  manager: EntityManager,
  userId: string,
  now: Date,
): Promise<{ counters: GoalCounters; unlockedAt: Map<string, Date> }> {
  const [progress, rows] = await Promise.all([
    loadLearnerProgress(manager, userId, now),
    manager.query<Array<{ first_try_solves: number; hint_free_solves: number }>>(
      `SELECT "first_try_solves", "hint_free_solves" FROM "learner_progress" WHERE "user_id" = $1`,
      [userId],
    ),
  ]);
  return {
    counters: {
      xp: progress.xp,
      solvedCount: progress.solvedCount,
      firstTrySolves: rows[0]?.first_try_solves ?? 0,
      hintFreeSolves: rows[0]?.hint_free_solves ?? 0,
      currentStreak: progress.streak.current,
      currentSpree: progress.spree.current,
    },
    unlockedAt: new Map(progress.achievements.map((a) => [a.id, new Date(a.unlockedAt)])),
  };
}
