// CONTRACT between the grading pipeline (worker) and the gamification persistence layer.
//
// The worker calls `recordSubmitOutcome` for a graded Submit (never for a Run), inside the SAME transaction that
// marks the submission completed. It must be idempotent per submission and count XP at most once per
// (learner, exercise) — enforced by unique constraints, not only by code.
//
// PLACEHOLDER BODY: the gamification engineer replaces the implementation (keeping this signature); until then
// it awards nothing and reports an empty progress so the pipeline can be built and tested end to end.
import type { EntityManager } from 'typeorm';

export interface SubmitOutcomeInput {
  submissionId: string;
  userId: string;
  exerciseId: string;
  passed: boolean;
  /** When grading completed (the instant that counts for streaks and leaderboards). */
  at: Date;
}

export interface AwardedAchievement {
  id: string;
  title: string;
  description: string;
  icon: string;
  unlockedAt: string;
}

export interface SubmitOutcome {
  xpAwarded: number;
  progress: {
    xp: number;
    level: number;
    levelTitle: string;
    leveledUp: boolean;
    streak: { current: number; longest: number; freezes: number };
  };
  achievements: AwardedAchievement[];
  /** Courses whose leaderboards changed (so the api can push `leaderboard.updated`). */
  leaderboardCourses: string[];
}

export async function recordSubmitOutcome(manager: EntityManager, input: SubmitOutcomeInput): Promise<SubmitOutcome> {
  void manager;
  void input;
  return {
    xpAwarded: 0,
    progress: { xp: 0, level: 1, levelTitle: 'Apprentice', leveledUp: false, streak: { current: 0, longest: 0, freezes: 0 } },
    achievements: [],
    leaderboardCourses: [],
  };
}
