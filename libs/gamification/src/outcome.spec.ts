import { describe, expect, it } from '@jest/globals';
import { ACHIEVEMENTS } from './achievements';
import {
  applySubmitOutcome,
  DEFAULT_GAMIFICATION_RULES,
  INITIAL_LEARNER_STATE,
  type LearnerGamificationState,
  type SubmitEvent,
} from './outcome';
import { resolveStreakRules } from './streak';
import { resolveXpRules } from './xp';

const noon = new Date('2026-11-21T12:00:00Z');

function submit(overrides: Partial<SubmitEvent> = {}): SubmitEvent {
  return {
    passed: true,
    exerciseXp: 100,
    isFirstPassOfExercise: true,
    isFirstSubmitOfExercise: false,
    hintsRevealedBeforeSolve: 0,
    solutionRevealedBeforeSolve: false,
    at: noon,
    timeZone: 'UTC',
    chapterCompleted: false,
    courseCompleted: false,
    ...overrides,
  };
}

const state = (overrides: Partial<LearnerGamificationState> = {}): LearnerGamificationState => ({
  ...INITIAL_LEARNER_STATE,
  ...overrides,
});

describe('applySubmitOutcome', () => {
  it('a first passing Submit awards XP, counts the solve, the streak day and the spree', () => {
    const outcome = applySubmitOutcome(state(), submit({ isFirstSubmitOfExercise: true }));
    expect(outcome.xpAwarded).toBe(120);
    expect(outcome.xpBreakdown).toEqual({ base: 100, bonus: 20, hintPenalty: 0, total: 120, forfeited: false });
    expect(outcome.state).toMatchObject({
      xp: 120,
      solvedCount: 1,
      firstTrySolves: 1,
      hintFreeSolves: 1,
      streak: { current: 1, longest: 1, lastDay: '2026-11-21' },
      spree: { current: 1, best: 1 },
    });
    expect(outcome.streakExtended).toBe(true);
    expect(outcome.localDay).toBe('2026-11-21');
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['first-solve', 'first-try-1']);
    expect(outcome.newAchievements[0].unlockedAt).toEqual(noon);
    expect(outcome.state.unlockedAchievementIds).toEqual(['first-solve', 'first-try-1']);
  });

  it('a failing Submit breaks the spree and awards nothing', () => {
    const before = state({
      xp: 500,
      spree: { current: 4, best: 6 },
      streak: { current: 2, longest: 2, freezes: 0, lastDay: '2026-11-20' },
    });
    const outcome = applySubmitOutcome(before, submit({ passed: false, isFirstPassOfExercise: false }));
    expect(outcome).toMatchObject({ xpAwarded: 0, xpBreakdown: null, leveledUp: false, streakExtended: false });
    expect(outcome.newAchievements).toEqual([]);
    expect(outcome.state).toEqual({ ...before, spree: { current: 0, best: 6 } });
  });

  it('passing an exercise already solved earns nothing and leaves the spree alone', () => {
    const before = state({ xp: 500, solvedCount: 3, spree: { current: 2, best: 2 }, unlockedAchievementIds: ['first-solve'] });
    const outcome = applySubmitOutcome(before, submit({ isFirstPassOfExercise: false }));
    expect(outcome.xpAwarded).toBe(0);
    expect(outcome.state).toEqual(before);
    expect(outcome.streakExtended).toBe(false);
  });

  it('a re-pass still unlocks an achievement already earned by the totals (e.g. added to the catalogue later)', () => {
    const before = state({ solvedCount: 12, unlockedAchievementIds: ['first-solve'] });
    const outcome = applySubmitOutcome(before, submit({ isFirstPassOfExercise: false }));
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['solves-10']);
    expect(outcome.state.unlockedAchievementIds).toEqual(['first-solve', 'solves-10']);
  });

  it('charges hints revealed before solving, and the solve is not hint-free', () => {
    const outcome = applySubmitOutcome(state(), submit({ hintsRevealedBeforeSolve: 2 }));
    expect(outcome.xpAwarded).toBe(70);
    expect(outcome.state.hintFreeSolves).toBe(0);
  });

  it('revealing the solution forfeits the XP and the first-try credit, but the exercise is solved', () => {
    const before = state({ spree: { current: 3, best: 3 } });
    const outcome = applySubmitOutcome(before, submit({ isFirstSubmitOfExercise: true, solutionRevealedBeforeSolve: true }));
    expect(outcome.xpAwarded).toBe(0);
    expect(outcome.xpBreakdown?.forfeited).toBe(true);
    expect(outcome.state).toMatchObject({ xp: 0, solvedCount: 1, firstTrySolves: 0, hintFreeSolves: 0, spree: { current: 3 } });
    expect(outcome.streakExtended).toBe(true);
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['first-solve']);
  });

  it('uses the pack’s XP rules', () => {
    const rules = { ...DEFAULT_GAMIFICATION_RULES, xp: resolveXpRules({ firstTryBonusPercent: 50 }) };
    expect(applySubmitOutcome(state(), submit({ isFirstSubmitOfExercise: true }), rules).xpAwarded).toBe(150);
  });

  it('reports leveledUp and the new level when XP crosses a boundary', () => {
    const outcome = applySubmitOutcome(state({ xp: 350 }), submit());
    expect(outcome).toMatchObject({ leveledUp: true, previousLevel: 1, level: { level: 2, xpIntoLevel: 50 } });
    expect(applySubmitOutcome(state({ xp: 100 }), submit()).leveledUp).toBe(false);
  });

  it('unlocks level-5 when XP reaches it', () => {
    const outcome = applySubmitOutcome(state({ xp: 2000, unlockedAchievementIds: ['first-solve'] }), submit());
    expect(outcome.level.level).toBe(5);
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['level-5']);
  });

  it('counts the streak day in the learner’s zone, not UTC', () => {
    const yesterdayInKiritimati = state({ streak: { current: 1, longest: 1, freezes: 0, lastDay: '2026-11-21' } });
    // 11:00Z on the 21st is already the 22nd in Kiritimati, so the streak grows…
    const instant = new Date('2026-11-21T11:00:00Z');
    const east = applySubmitOutcome(yesterdayInKiritimati, submit({ at: instant, timeZone: 'Pacific/Kiritimati' }));
    expect(east).toMatchObject({ localDay: '2026-11-22', streakExtended: true, state: { streak: { current: 2 } } });
    // …while at UTC−12 it is still the 20th: earlier than the last counted day, so nothing changes.
    const west = applySubmitOutcome(yesterdayInKiritimati, submit({ at: instant, timeZone: 'Etc/GMT+12' }));
    expect(west).toMatchObject({ localDay: '2026-11-20', streakExtended: false, state: { streak: { current: 1 } } });
  });

  it('falls back to UTC for an invalid time zone instead of failing the Submit', () => {
    expect(applySubmitOutcome(state(), submit({ timeZone: 'Not/AZone' })).localDay).toBe('2026-11-21');
  });

  it('spends a freeze on a missed day and reports it', () => {
    const rules = { ...DEFAULT_GAMIFICATION_RULES, streak: resolveStreakRules() };
    const before = state({ streak: { current: 7, longest: 7, freezes: 1, lastDay: '2026-11-19' } });
    const outcome = applySubmitOutcome(before, submit(), rules);
    expect(outcome).toMatchObject({ streakExtended: true, streakBroken: false, freezesSpent: 1 });
    expect(outcome.state.streak).toMatchObject({ current: 8, freezes: 0 });
  });

  it('unlocks night owl from the local hour', () => {
    // 13:30Z is 03:30 the next day in Kiritimati.
    const outcome = applySubmitOutcome(
      state({ unlockedAchievementIds: ['first-solve'] }),
      submit({ at: new Date('2026-11-21T13:30:00Z'), timeZone: 'Pacific/Kiritimati' }),
    );
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['night-owl']);
  });

  it('unlocks chapter and course completion on the solve that completes them', () => {
    const outcome = applySubmitOutcome(
      state({ unlockedAchievementIds: ['first-solve'] }),
      submit({ chapterCompleted: true, courseCompleted: true }),
    );
    expect(outcome.newAchievements.map((a) => a.id)).toEqual(['chapter-complete', 'course-complete']);
  });

  it('does not mutate its input', () => {
    const before = state({ unlockedAchievementIds: [] });
    const snapshot = structuredClone(before);
    applySubmitOutcome(before, submit({ isFirstSubmitOfExercise: true }));
    expect(before).toEqual(snapshot);
  });
});

describe('a learner’s journey', () => {
  // 40 days, one new exercise a day at 05:30 UTC (07:30, then 06:30 in Berlin after the October DST
  // change), the first Submit failing every third day, a hint every fifth; then 30 more first-try solves.
  const BERLIN = 'Europe/Berlin';

  function journey() {
    let current = state();
    const outcomes = [];
    for (let day = 0; day < 40; day += 1) {
      const at = new Date(Date.UTC(2026, 9, 10 + day, 5, 30));
      const failsFirst = day % 3 === 0;
      if (failsFirst) {
        const failed = applySubmitOutcome(
          current,
          submit({ passed: false, isFirstPassOfExercise: false, isFirstSubmitOfExercise: true, at, timeZone: BERLIN }),
        );
        outcomes.push(failed);
        current = failed.state;
      }
      const passed = applySubmitOutcome(
        current,
        submit({
          isFirstSubmitOfExercise: !failsFirst,
          hintsRevealedBeforeSolve: day % 5 === 0 ? 1 : 0,
          at,
          timeZone: BERLIN,
          chapterCompleted: day % 10 === 9,
          courseCompleted: day === 39,
        }),
      );
      outcomes.push(passed);
      current = passed.state;
    }
    for (let i = 0; i < 30; i += 1) {
      const at = new Date(Date.UTC(2026, 10, 19, 12, i));
      const passed = applySubmitOutcome(current, submit({ isFirstSubmitOfExercise: true, at, timeZone: BERLIN }));
      outcomes.push(passed);
      current = passed.state;
    }
    return { final: current, outcomes };
  }

  it('unlocks each achievement exactly once and records every unlock in the state', () => {
    const { final, outcomes } = journey();
    const unlockedInOrder = outcomes.flatMap((outcome) => outcome.newAchievements.map((a) => a.id));
    expect(new Set(unlockedInOrder).size).toBe(unlockedInOrder.length);
    expect(final.unlockedAchievementIds).toEqual(unlockedInOrder);
    // Every achievement but night owl (all solves are after 06:00 local) is earned on this journey.
    const allButNightOwl = ACHIEVEMENTS.map((a) => a.id).filter((id) => id !== 'night-owl');
    expect([...unlockedInOrder].sort()).toEqual(allButNightOwl.sort());
  });

  it('keeps streak, spree and counters consistent', () => {
    const { final } = journey();
    expect(final.solvedCount).toBe(70);
    expect(final.streak).toMatchObject({ current: 41, longest: 41, lastDay: '2026-11-19' });
    // Day 39's first Submit failed; its pass and the 30 that follow are the best spree.
    expect(final.spree).toEqual({ current: 31, best: 31 });
    expect(final.hintFreeSolves).toBe(70 - 8);
  });

  it('is deterministic', () => {
    expect(journey()).toEqual(journey());
  });
});

describe('shop items in the outcome', () => {
  it('armor keeps the spree through a failing Submit and says it was used; without armor the spree ends', () => {
    const before = state({ spree: { current: 4, best: 6 } });
    const armored = applySubmitOutcome(before, submit({ passed: false, armorHeld: 1 }));
    expect(armored.state.spree).toEqual({ current: 4, best: 6 });
    expect(armored.armorUsed).toBe(true);
    const bare = applySubmitOutcome(before, submit({ passed: false }));
    expect(bare.state.spree).toEqual({ current: 0, best: 6 });
    expect(bare.armorUsed).toBe(false);
    // Nothing to protect: the armor is kept.
    expect(applySubmitOutcome(state(), submit({ passed: false, armorHeld: 1 })).armorUsed).toBe(false);
  });

  it('a discounted hint costs half in the XP breakdown', () => {
    const outcome = applySubmitOutcome(state(), submit({ hintsRevealedBeforeSolve: 2, discountedHintsBeforeSolve: 1 }));
    expect(outcome.xpBreakdown).toMatchObject({ hintPenalty: 22, total: 78 });
  });
});
