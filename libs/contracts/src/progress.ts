// A learner's progress and achievements, as GET /api/me/progress answers and the live events carry them.
import type { XpBreakdown } from './goals';

/** An achievement of the catalogue (libs/gamification holds the catalogue and its criteria). */
export interface AchievementView {
  id: string;
  title: string;
  description: string;
  /** An emoji. */
  icon: string;
}

/** An achievement a learner holds, with when it was unlocked (ISO 8601). */
export interface EarnedAchievement extends AchievementView {
  unlockedAt: string;
}

export interface StreakView {
  current: number;
  longest: number;
  freezes: number;
}

/** The short progress a completed Submit carries (what changed, right after the grading committed). */
export interface ProgressSummary {
  xp: number;
  level: number;
  levelTitle: string;
  leveledUp: boolean;
  streak: StreakView;
}

/**
 * What recording a graded Submit decided (libs/data recordSubmitOutcome): stored with the submission, carried in
 * the worker's job result and republished to every api process. Learners see parts of it in
 * `submission.completed`.
 */
export interface SubmitOutcome {
  xpAwarded: number;
  /** How xpAwarded was made up (base, first-try bonus, hint cost); null when it earned nothing. Absent in rows stored before it existed. */
  xpBreakdown?: XpBreakdown | null;
  progress: ProgressSummary;
  achievements: EarnedAchievement[];
  /** Courses whose leaderboards changed (so the api can push `leaderboard.updated`). */
  leaderboardCourses: string[];
}

/** GET /api/me/progress, and the `progress.updated` live event. */
export interface LearnerProgress {
  /** All-time XP. */
  xp: number;
  level: number;
  levelTitle: string;
  /** XP earned inside the current level. */
  xpIntoLevel: number;
  /** Size of the current level step. */
  xpForNextLevel: number;
  streak: StreakView & {
    /** The streak ends unless the learner solves an exercise today. */
    atRisk: boolean;
    solvedToday: boolean;
  };
  /** Passing Submits in a row. */
  spree: { current: number; best: number };
  /** Exercises solved. */
  solvedCount: number;
  /** Unlocked achievements, oldest first. */
  achievements: EarnedAchievement[];
}
