import { describe, expect, it } from '@jest/globals';
import {
  achievementById,
  ACHIEVEMENTS,
  evaluateAchievements,
  isAchievementId,
  type AchievementContext,
  type AchievementId,
} from './achievements';

// Midday, a first solve of nothing in particular: unlocks nothing by itself.
const quiet: AchievementContext = {
  solvedCount: 0,
  firstTrySolves: 0,
  hintFreeSolves: 0,
  longestStreak: 0,
  bestSpree: 0,
  level: 1,
  isNewSolve: true,
  localHour: 12,
  chapterCompleted: false,
  courseCompleted: false,
};

const ids = (context: Partial<AchievementContext>, unlocked: Iterable<string> = []) =>
  evaluateAchievements({ ...quiet, ...context }, new Set(unlocked)).map((a) => a.id);

// For each achievement: the least context that earns it, and the largest one just short of it.
const thresholds: Record<AchievementId, { earns: Partial<AchievementContext>; short: Partial<AchievementContext> }> = {
  'first-solve': { earns: { solvedCount: 1 }, short: { solvedCount: 0 } },
  'first-try-1': { earns: { firstTrySolves: 1 }, short: { firstTrySolves: 0 } },
  'first-try-10': { earns: { firstTrySolves: 10 }, short: { firstTrySolves: 9 } },
  'solves-10': { earns: { solvedCount: 10 }, short: { solvedCount: 9 } },
  'solves-50': { earns: { solvedCount: 50 }, short: { solvedCount: 49 } },
  'hint-free-10': { earns: { hintFreeSolves: 10 }, short: { hintFreeSolves: 9 } },
  'streak-7': { earns: { longestStreak: 7 }, short: { longestStreak: 6 } },
  'streak-30': { earns: { longestStreak: 30 }, short: { longestStreak: 29 } },
  'spree-5': { earns: { bestSpree: 5 }, short: { bestSpree: 4 } },
  'spree-10': { earns: { bestSpree: 10 }, short: { bestSpree: 9 } },
  'spree-25': { earns: { bestSpree: 25 }, short: { bestSpree: 24 } },
  'chapter-complete': { earns: { chapterCompleted: true }, short: { chapterCompleted: false } },
  'course-complete': { earns: { courseCompleted: true }, short: { courseCompleted: false } },
  'level-5': { earns: { level: 5 }, short: { level: 4 } },
  'level-10': { earns: { level: 10 }, short: { level: 9 } },
  'night-owl': { earns: { localHour: 4 }, short: { localHour: 5 } },
  'early-bird': { earns: { localHour: 7 }, short: { localHour: 8 } },
};

describe('catalogue', () => {
  it('has stable, unique ids (changing this list breaks stored unlocks)', () => {
    expect(ACHIEVEMENTS.map((a) => a.id)).toEqual([
      'first-solve',
      'first-try-1',
      'first-try-10',
      'solves-10',
      'solves-50',
      'hint-free-10',
      'streak-7',
      'streak-30',
      'spree-5',
      'spree-10',
      'spree-25',
      'chapter-complete',
      'course-complete',
      'level-5',
      'level-10',
      'night-owl',
      'early-bird',
    ]);
  });

  it('every entry has a title, a description and an icon', () => {
    for (const achievement of ACHIEVEMENTS) {
      expect(achievement.title.length).toBeGreaterThan(0);
      expect(achievement.description.length).toBeGreaterThan(0);
      expect(achievement.icon.length).toBeGreaterThan(0);
    }
  });

  it('looks entries up by id', () => {
    expect(achievementById('night-owl')?.icon).toBe('🦉');
    expect(achievementById('retired-or-unknown')).toBeUndefined();
    expect(isAchievementId('streak-7')).toBe(true);
    expect(isAchievementId('streak-8')).toBe(false);
  });

  it('a quiet context earns nothing', () => {
    expect(ids({})).toEqual([]);
  });
});

describe('evaluateAchievements', () => {
  for (const achievement of ACHIEVEMENTS) {
    const { earns, short } = thresholds[achievement.id];
    it(`${achievement.id}: unlocks at its threshold, not below, and only once`, () => {
      expect(ids(earns)).toContain(achievement.id);
      expect(ids(short)).not.toContain(achievement.id);
      expect(ids(earns, [achievement.id])).not.toContain(achievement.id);
    });
  }

  it('night owl and early bird need a new solve, and their hour windows meet at 05:00', () => {
    expect(ids({ localHour: 0 })).toEqual(['night-owl']);
    expect(ids({ localHour: 5 })).toEqual(['early-bird']);
    expect(ids({ localHour: 2, isNewSolve: false })).toEqual([]);
  });

  it('returns several at once, in catalogue order', () => {
    expect(ids({ solvedCount: 10, firstTrySolves: 1 })).toEqual(['first-solve', 'first-try-1', 'solves-10']);
  });
});
