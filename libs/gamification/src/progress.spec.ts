import { describe, expect, it } from '@jest/globals';
import { INITIAL_LEARNER_STATE } from './outcome';
import { buildProgress } from './progress';

describe('buildProgress', () => {
  const state = {
    ...INITIAL_LEARNER_STATE,
    xp: 1000,
    solvedCount: 9,
    streak: { current: 4, longest: 6, freezes: 1, lastDay: '2026-11-21' },
    spree: { current: 2, best: 5 },
    unlockedAchievementIds: ['first-solve', 'spree-5'],
  };
  const unlocks = [
    { achievementId: 'spree-5', unlockedAt: new Date('2026-11-10T08:00:00Z') },
    { achievementId: 'first-solve', unlockedAt: new Date('2026-11-01T08:00:00Z') },
    { achievementId: 'since-retired', unlockedAt: new Date('2026-11-02T08:00:00Z') },
  ];

  it('has the shape of GET /api/me/progress', () => {
    const progress = buildProgress({ state, unlocks, now: new Date('2026-11-21T20:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(progress).toEqual({
      xp: 1000,
      level: 3,
      levelTitle: 'Apprentice',
      xpIntoLevel: 120,
      xpForNextLevel: 560,
      streak: { current: 4, longest: 6, freezes: 1, atRisk: false, solvedToday: true },
      spree: { current: 2, best: 5 },
      solvedCount: 9,
      achievements: [
        expect.objectContaining({ id: 'first-solve', unlockedAt: '2026-11-01T08:00:00.000Z' }),
        expect.objectContaining({ id: 'spree-5', unlockedAt: '2026-11-10T08:00:00.000Z' }),
      ],
    });
  });

  it('shows the streak as of the learner’s local today', () => {
    // 11:00Z on the 23rd is the 24th in Kiritimati: two days missed, one freeze, so the streak is gone.
    const east = buildProgress({ state, unlocks: [], now: new Date('2026-11-23T11:00:00Z'), timeZone: 'Pacific/Kiritimati' });
    expect(east.streak.current).toBe(0);
    // The same instant is the 22nd at UTC−12: the streak is alive and today is still open.
    const west = buildProgress({ state, unlocks: [], now: new Date('2026-11-23T11:00:00Z'), timeZone: 'Etc/GMT+12' });
    expect(west.streak).toMatchObject({ current: 4, solvedToday: false });
  });
});
