// The achievement catalogue. Ids are stable: they are stored with each learner's unlocks, so an id is
// never renamed or reused; retire an achievement by leaving it out of new unlocks, not by deleting it.
import type { AchievementView } from '@questline/contracts';

/** A catalogue entry: the contract's view of an achievement, with an id the catalogue knows. */
export interface Achievement extends AchievementView {
  id: AchievementId;
}

/**
 * What the rules know right after a passing Submit has been applied. Counters are the learner's totals
 * *after* the Submit, so an achievement whose threshold was reached earlier (say, one added to the
 * catalogue later) unlocks on the learner's next passing Submit.
 */
export interface AchievementContext {
  solvedCount: number;
  firstTrySolves: number;
  hintFreeSolves: number;
  longestStreak: number;
  bestSpree: number;
  level: number;
  /** This Submit was the first pass of its exercise (a new solve). */
  isNewSolve: boolean;
  /** The learner's local hour (0–23) at the Submit. */
  localHour: number;
  /** This solve completed every exercise of its chapter / course. */
  chapterCompleted: boolean;
  courseCompleted: boolean;
}

/** Night owl: a new solve from 00:00 to 04:59 local time. */
export const NIGHT_OWL_HOURS = { from: 0, to: 5 } as const;
/** Early bird: a new solve from 05:00 to 07:59 local time. */
export const EARLY_BIRD_HOURS = { from: 5, to: 8 } as const;

const inHours = (hour: number, range: { from: number; to: number }) => hour >= range.from && hour < range.to;

// Order is display order; the union of ids below is what makes a typo in a criterion a compile error.
const CATALOGUE = [
  {
    id: 'first-solve',
    title: 'Hello, World',
    description: 'Solve your first exercise.',
    icon: '🎉',
    unlocks: (c: AchievementContext) => c.solvedCount >= 1,
  },
  {
    id: 'first-try-1',
    title: 'Bullseye',
    description: 'Solve an exercise on your first Submit.',
    icon: '🎯',
    unlocks: (c: AchievementContext) => c.firstTrySolves >= 1,
  },
  {
    id: 'first-try-10',
    title: 'Sharpshooter',
    description: 'Solve 10 exercises on your first Submit.',
    icon: '🏹',
    unlocks: (c: AchievementContext) => c.firstTrySolves >= 10,
  },
  {
    id: 'solves-10',
    title: 'Getting Started',
    description: 'Solve 10 exercises.',
    icon: '📗',
    unlocks: (c: AchievementContext) => c.solvedCount >= 10,
  },
  {
    id: 'solves-50',
    title: 'Dedicated',
    description: 'Solve 50 exercises.',
    icon: '📚',
    unlocks: (c: AchievementContext) => c.solvedCount >= 50,
  },
  {
    id: 'hint-free-10',
    title: 'Self-Reliant',
    description: 'Solve 10 exercises without revealing a hint or the solution.',
    icon: '🧠',
    unlocks: (c: AchievementContext) => c.hintFreeSolves >= 10,
  },
  {
    id: 'streak-7',
    title: 'On Fire',
    description: 'Keep a 7-day streak.',
    icon: '🔥',
    unlocks: (c: AchievementContext) => c.longestStreak >= 7,
  },
  {
    id: 'streak-30',
    title: 'Unstoppable',
    description: 'Keep a 30-day streak.',
    icon: '☄️',
    unlocks: (c: AchievementContext) => c.longestStreak >= 30,
  },
  {
    id: 'spree-5',
    title: 'Steady Hand',
    description: 'Pass 5 Submits in a row without a failure.',
    icon: '✅',
    unlocks: (c: AchievementContext) => c.bestSpree >= 5,
  },
  {
    id: 'spree-10',
    title: 'Flawless',
    description: 'Pass 10 Submits in a row without a failure.',
    icon: '💎',
    unlocks: (c: AchievementContext) => c.bestSpree >= 10,
  },
  {
    id: 'spree-25',
    title: 'Machine',
    description: 'Pass 25 Submits in a row without a failure.',
    icon: '🤖',
    unlocks: (c: AchievementContext) => c.bestSpree >= 25,
  },
  {
    id: 'chapter-complete',
    title: 'Chapter Closed',
    description: 'Solve every exercise in a chapter.',
    icon: '📖',
    unlocks: (c: AchievementContext) => c.chapterCompleted,
  },
  {
    id: 'course-complete',
    title: 'Graduate',
    description: 'Solve every exercise in a course.',
    icon: '🎓',
    unlocks: (c: AchievementContext) => c.courseCompleted,
  },
  { id: 'level-5', title: 'Rising Star', description: 'Reach level 5.', icon: '⭐', unlocks: (c: AchievementContext) => c.level >= 5 },
  { id: 'level-10', title: 'Journeyman', description: 'Reach level 10.', icon: '🌟', unlocks: (c: AchievementContext) => c.level >= 10 },
  {
    id: 'night-owl',
    title: 'Night Owl',
    description: 'Solve an exercise between midnight and 5 a.m. your time.',
    icon: '🦉',
    unlocks: (c: AchievementContext) => c.isNewSolve && inHours(c.localHour, NIGHT_OWL_HOURS),
  },
  {
    id: 'early-bird',
    title: 'Early Bird',
    description: 'Solve an exercise between 5 and 8 a.m. your time.',
    icon: '🐦',
    unlocks: (c: AchievementContext) => c.isNewSolve && inHours(c.localHour, EARLY_BIRD_HOURS),
  },
] as const;

export type AchievementId = (typeof CATALOGUE)[number]['id'];

/** Every achievement, in display order, without its unlock criterion. */
export const ACHIEVEMENTS: readonly Achievement[] = Object.freeze(
  CATALOGUE.map(({ id, title, description, icon }) => Object.freeze({ id, title, description, icon })),
);

const BY_ID = new Map<string, Achievement>(ACHIEVEMENTS.map((achievement) => [achievement.id, achievement]));

/** The catalogue entry for a stored id, or undefined for an id this version does not know. */
export function achievementById(id: string): Achievement | undefined {
  return BY_ID.get(id);
}

export function isAchievementId(id: string): id is AchievementId {
  return BY_ID.has(id);
}

/** Achievements the context earns that are not in `alreadyUnlocked`, in catalogue order. */
export function evaluateAchievements(context: AchievementContext, alreadyUnlocked: ReadonlySet<string>): Achievement[] {
  // ACHIEVEMENTS is CATALOGUE index for index.
  return ACHIEVEMENTS.filter((achievement, index) => !alreadyUnlocked.has(achievement.id) && CATALOGUE[index].unlocks(context));
}
