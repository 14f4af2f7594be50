// Progress toward each achievement and toward the next level and title (GET /api/me/goals). Pure:
// computed from the counters the rules already keep, so what is shown is what unlocks.
import type { GoalAchievement, Goals } from '@questline/contracts';
import { ACHIEVEMENTS, type AchievementId } from './achievements';
import { LEVEL_TITLES, LEVELS_PER_TITLE, levelForXp, titleForLevel, totalXpForLevel } from './levels';

export interface GoalCounters {
  xp: number;
  solvedCount: number;
  firstTrySolves: number;
  hintFreeSolves: number;
  /** The streak as of today: a 7-day streak is reached by keeping this one going. */
  currentStreak: number;
  currentSpree: number;
}

type Counter = 'solvedCount' | 'firstTrySolves' | 'hintFreeSolves' | 'currentStreak' | 'currentSpree' | 'level';

/** The counted achievements: which counter, and the threshold their rule in achievements.ts uses. */
const COUNTED: Partial<Record<AchievementId, { counter: Counter; target: number; unit: string }>> = {
  'first-solve': { counter: 'solvedCount', target: 1, unit: 'exercises' },
  'first-try-1': { counter: 'firstTrySolves', target: 1, unit: 'first-try solves' },
  'first-try-10': { counter: 'firstTrySolves', target: 10, unit: 'first-try solves' },
  'solves-10': { counter: 'solvedCount', target: 10, unit: 'exercises' },
  'solves-50': { counter: 'solvedCount', target: 50, unit: 'exercises' },
  'hint-free-10': { counter: 'hintFreeSolves', target: 10, unit: 'solves without hints' },
  'streak-7': { counter: 'currentStreak', target: 7, unit: 'days' },
  'streak-30': { counter: 'currentStreak', target: 30, unit: 'days' },
  'spree-5': { counter: 'currentSpree', target: 5, unit: 'Submits in a row' },
  'spree-10': { counter: 'currentSpree', target: 10, unit: 'Submits in a row' },
  'spree-25': { counter: 'currentSpree', target: 25, unit: 'Submits in a row' },
  'level-5': { counter: 'level', target: 5, unit: 'level' },
  'level-10': { counter: 'level', target: 10, unit: 'level' },
};

export function buildGoals(counters: GoalCounters, unlockedAt: ReadonlyMap<string, Date>): Goals {
  const info = levelForXp(counters.xp);
  const values: Record<Counter, number> = { ...counters, level: info.level };
  const achievements: GoalAchievement[] = ACHIEVEMENTS.map((a) => {
    const counted = COUNTED[a.id];
    const at = unlockedAt.get(a.id);
    return {
      id: a.id,
      title: a.title,
      description: a.description,
      icon: a.icon,
      unlockedAt: at ? at.toISOString() : null,
      // Once unlocked the goal is met, whatever the counter does later (a streak may end).
      progress: counted
        ? { current: at ? counted.target : Math.min(values[counted.counter], counted.target), target: counted.target, unit: counted.unit }
        : null,
    };
  });
  const lastTitleLevel = (LEVEL_TITLES.length - 1) * LEVELS_PER_TITLE;
  const titleLevel = (Math.floor(info.level / LEVELS_PER_TITLE) + 1) * LEVELS_PER_TITLE;
  return {
    achievements,
    nextLevel: { level: info.level + 1, xpNeeded: info.xpToNextLevel },
    nextTitle:
      titleLevel > lastTitleLevel
        ? null
        : { level: titleLevel, title: titleForLevel(titleLevel), xpNeeded: totalXpForLevel(titleLevel) - counters.xp },
  };
}
