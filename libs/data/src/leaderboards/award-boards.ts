// The boards one award changes (3 periods × global and its course), and bringing them up to date once.
import type { EntityManager } from 'typeorm';
import { LEADERBOARD_PERIODS } from '@questline/gamification';
import type { BoardCourse, BoardRef } from './board';
import type { BoardStore } from './board-store';

/** Where an award counts: its course and the instant that picks each board's period. */
export interface AwardScope {
  course: BoardCourse;
  awardedAt: Date;
}

/** The award of (learner, exercise) with its course; null when there is none (no XP, or undone since). */
export async function findAwardScope(manager: EntityManager, userId: string, exerciseId: string): Promise<AwardScope | null> {
  const [award]: Array<{ awarded_at: Date; id: string; slug: string; title: string }> = await manager.query(
    `SELECT a."awarded_at", c."id", c."slug", c."title" FROM "xp_awards" a JOIN "courses" c ON c."id" = a."course_id"
      WHERE a."user_id" = $1 AND a."exercise_id" = $2`,
    [userId, exerciseId],
  );
  return award ? { course: { id: award.id, slug: award.slug, title: award.title }, awardedAt: award.awarded_at } : null;
}

/** The six boards an award changes. */
export function boardsOfAward(scope: AwardScope): BoardRef[] {
  return LEADERBOARD_PERIODS.flatMap((period) => [null, scope.course].map((course): BoardRef => ({ period, course, at: scope.awardedAt })));
}

/** Bring the six boards of an award up to date (the worker, once per award, after the Submit committed). */
export async function applyAwardToBoards(store: BoardStore, scope: AwardScope, userId: string): Promise<void> {
  for (const ref of boardsOfAward(scope)) await store.applyAward(ref, userId);
}
