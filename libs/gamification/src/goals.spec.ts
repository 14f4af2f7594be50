import { ACHIEVEMENTS } from './achievements';
import { buildGoals, type GoalCounters } from './goals';
import { totalXpForLevel } from './levels';

const zero: GoalCounters = { xp: 0, solvedCount: 0, firstTrySolves: 0, hintFreeSolves: 0, currentStreak: 0, currentSpree: 0 };

describe('buildGoals', () => {
  it('lists every achievement, locked ones with progress toward them', () => {
    const goals = buildGoals({ ...zero, solvedCount: 3, currentStreak: 3, currentSpree: 2 }, new Map());
    expect(goals.achievements.map((a) => a.id)).toEqual(ACHIEVEMENTS.map((a) => a.id));
    const byId = new Map(goals.achievements.map((a) => [a.id, a]));
    expect(byId.get('streak-7')).toMatchObject({ unlockedAt: null, progress: { current: 3, target: 7, unit: 'days' } });
    expect(byId.get('solves-10')?.progress).toEqual({ current: 3, target: 10, unit: 'exercises' });
    expect(byId.get('spree-5')?.progress).toEqual({ current: 2, target: 5, unit: 'Submits in a row' });
    expect(byId.get('night-owl')?.progress).toBeNull();
  });

  it('caps progress at the target, and an unlocked goal stays met when its counter falls back', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const goals = buildGoals({ ...zero, solvedCount: 60, currentStreak: 0 }, new Map([['streak-7', at]]));
    const byId = new Map(goals.achievements.map((a) => [a.id, a]));
    expect(byId.get('solves-50')?.progress).toEqual({ current: 50, target: 50, unit: 'exercises' });
    expect(byId.get('streak-7')).toMatchObject({ unlockedAt: at.toISOString(), progress: { current: 7, target: 7 } });
  });

  it('says what the next level and the next title need', () => {
    const fresh = buildGoals(zero, new Map());
    expect(fresh.nextLevel).toEqual({ level: 2, xpNeeded: totalXpForLevel(2) });
    expect(fresh.nextTitle).toEqual({ level: 10, title: 'Journeyman', xpNeeded: totalXpForLevel(10) });
    const xp = totalXpForLevel(12) + 5;
    const later = buildGoals({ ...zero, xp }, new Map());
    expect(later.nextLevel).toEqual({ level: 13, xpNeeded: totalXpForLevel(13) - xp });
    expect(later.nextTitle).toEqual({ level: 20, title: 'Adept', xpNeeded: totalXpForLevel(20) - xp });
    expect(buildGoals({ ...zero, xp: totalXpForLevel(61) }, new Map()).nextTitle).toBeNull();
  });
});
