import { describe, expect, it } from '@jest/globals';
import { addDays, localDay } from './calendar';
import {
  applySolveToStreak,
  DEFAULT_STREAK_RULES,
  EMPTY_STREAK,
  resolveStreakRules,
  streakAsOf,
  streakDeadline,
  type StreakState,
} from './streak';

const rules = resolveStreakRules();

/** Solves once on each given day, in order, from an empty streak. */
function solveOn(days: string[], start: StreakState = EMPTY_STREAK, streakRules = rules): StreakState {
  return days.reduce((state, day) => applySolveToStreak(state, day, streakRules).state, start);
}

/** `count` consecutive days starting at `first`. */
const run = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));

describe('applySolveToStreak', () => {
  it('starts a streak at 1 on the first solve', () => {
    expect(applySolveToStreak(EMPTY_STREAK, '2026-11-21', rules)).toEqual({
      state: { current: 1, longest: 1, freezes: 0, lastDay: '2026-11-21' },
      extended: true,
      broken: false,
      freezesSpent: 0,
      freezeEarned: false,
    });
  });

  it('counts a day once, however many solves it has', () => {
    const once = solveOn(['2026-11-21']);
    const update = applySolveToStreak(once, '2026-11-21', rules);
    expect(update.extended).toBe(false);
    expect(update.state).toBe(once);
  });

  it('grows by one on the next day and tracks the longest', () => {
    expect(solveOn(run('2026-11-01', 3))).toEqual({ current: 3, longest: 3, freezes: 0, lastDay: '2026-11-03' });
  });

  it('restarts at 1 after a missed day with no freeze, keeping the longest', () => {
    const update = applySolveToStreak(solveOn(run('2026-11-01', 3)), '2026-11-05', rules);
    expect(update.state).toEqual({ current: 1, longest: 3, freezes: 0, lastDay: '2026-11-05' });
    expect(update).toMatchObject({ extended: true, broken: true, freezesSpent: 0 });
  });

  it('ignores a day earlier than the last counted one (learner moved to a zone behind)', () => {
    const state = solveOn(['2026-11-21']);
    expect(applySolveToStreak(state, '2026-11-20', rules)).toMatchObject({ state, extended: false });
  });
});

describe('freezes', () => {
  it('earns one freeze when the streak reaches 7 days, and another at 14', () => {
    const six = solveOn(run('2026-11-01', 6));
    const seventh = applySolveToStreak(six, '2026-11-07', rules);
    expect(seventh).toMatchObject({ freezeEarned: true, state: { current: 7, freezes: 1 } });
    expect(solveOn(run('2026-11-01', 13)).freezes).toBe(1);
    expect(solveOn(run('2026-11-01', 14)).freezes).toBe(2);
  });

  it('holds at most maxFreezes; one earned at the limit is lost', () => {
    const twentyOne = solveOn(run('2026-11-01', 21));
    expect(twentyOne.freezes).toBe(DEFAULT_STREAK_RULES.maxFreezes);
    const update = applySolveToStreak(solveOn(run('2026-11-01', 20)), '2026-11-21', rules);
    expect(update.freezeEarned).toBe(false);
  });

  it('spends one freeze on one missed day and the streak goes on', () => {
    const seven = solveOn(run('2026-11-01', 7)); // 1 freeze, last day 11-07
    const update = applySolveToStreak(seven, '2026-11-09', rules); // 11-08 missed
    expect(update).toMatchObject({ extended: true, broken: false, freezesSpent: 1 });
    expect(update.state).toEqual({ current: 8, longest: 8, freezes: 0, lastDay: '2026-11-09' });
  });

  it('spends two freezes on two missed days', () => {
    const fourteen = solveOn(run('2026-11-01', 14)); // 2 freezes, last day 11-14
    const update = applySolveToStreak(fourteen, '2026-11-17', rules);
    expect(update).toMatchObject({ freezesSpent: 2, state: { current: 15, freezes: 0 } });
  });

  it('spends nothing and resets when the freezes cannot cover every missed day', () => {
    const fourteen = solveOn(run('2026-11-01', 14));
    const update = applySolveToStreak(fourteen, '2026-11-18', rules); // 3 missed, 2 held
    expect(update).toMatchObject({ broken: true, freezesSpent: 0 });
    expect(update.state).toEqual({ current: 1, longest: 14, freezes: 2, lastDay: '2026-11-18' });
  });

  it('a restarted streak earns freezes again when it reaches 7', () => {
    const broken = solveOn(['2026-11-01', '2026-11-05']);
    expect(solveOn(run('2026-11-06', 6), broken)).toMatchObject({ current: 7, freezes: 1 });
  });

  it('follows overridden platform rules', () => {
    const custom = resolveStreakRules({ freezeEveryDays: 3, maxFreezes: 1 });
    expect(solveOn(run('2026-11-01', 3), EMPTY_STREAK, custom).freezes).toBe(1);
    expect(solveOn(run('2026-11-01', 6), EMPTY_STREAK, custom).freezes).toBe(1);
    expect(() => resolveStreakRules({ freezeEveryDays: 0 })).toThrow(/freezeEveryDays/);
    expect(() => resolveStreakRules({ maxFreezes: -1 })).toThrow(/maxFreezes/);
  });
});

describe('streaks in the learner’s own time zone', () => {
  it('UTC+14 and UTC−12 learners solving at the same instants get different streaks', () => {
    // 11:00Z on the 21st is the 22nd in Kiritimati and the 20th at UTC−12; 09:00Z on the 22nd is the
    // 22nd in Kiritimati (same day again) and the 21st at UTC−12 (the next day).
    const instants = [new Date('2026-11-21T11:00:00Z'), new Date('2026-11-22T09:00:00Z')];
    const streakIn = (zone: string) => solveOn(instants.map((instant) => localDay(instant, zone)));
    expect(streakIn('Pacific/Kiritimati')).toMatchObject({ current: 1, lastDay: '2026-11-22' });
    expect(streakIn('Etc/GMT+12')).toMatchObject({ current: 2, lastDay: '2026-11-21' });
  });

  it('two solves 23 hours apart across a spring-forward night extend the streak', () => {
    const days = [new Date('2026-03-08T04:30:00Z'), new Date('2026-03-09T03:30:00Z')].map((instant) =>
      localDay(instant, 'America/New_York'),
    );
    expect(solveOn(days).current).toBe(2);
  });

  it('two solves 24h40 apart on a fall-back day count once', () => {
    const days = [new Date('2026-11-01T04:10:00Z'), new Date('2026-11-02T04:50:00Z')].map((instant) =>
      localDay(instant, 'America/New_York'),
    );
    expect(solveOn(days)).toMatchObject({ current: 1, lastDay: '2026-11-01' });
  });

  it('Europe/Berlin: 23:30 on both sides of the spring-forward night are consecutive days', () => {
    const days = [new Date('2026-03-28T22:30:00Z'), new Date('2026-03-29T21:30:00Z')].map((instant) => localDay(instant, 'Europe/Berlin'));
    expect(solveOn(days).current).toBe(2);
  });
});

describe('streakAsOf (display)', () => {
  const seven = solveOn(run('2026-11-01', 7)); // current 7, 1 freeze, last day 11-07

  it('shows the streak on the day and the day after', () => {
    expect(streakAsOf(seven, '2026-11-07')).toMatchObject({ current: 7, solvedToday: true, atRisk: false, freezes: 1 });
    expect(streakAsOf(seven, '2026-11-08')).toMatchObject({ current: 7, solvedToday: false, atRisk: false, freezes: 1 });
  });

  it('keeps showing it while freezes cover the missed days, reserving them', () => {
    expect(streakAsOf(seven, '2026-11-09')).toMatchObject({ current: 7, freezes: 0, daysCoveredByFreezes: 1, atRisk: true });
  });

  it('shows 0 once the missed days outnumber the freezes, keeping the longest', () => {
    expect(streakAsOf(seven, '2026-11-10')).toMatchObject({ current: 0, longest: 7, freezes: 1 });
    expect(streakAsOf(solveOn(['2026-11-01']), '2026-11-03')).toMatchObject({ current: 0, longest: 1 });
  });

  it('shows 0 before any solve', () => {
    expect(streakAsOf(EMPTY_STREAK, '2026-11-10').current).toBe(0);
  });

  it('streakDeadline is the last day a solve keeps the streak', () => {
    expect(streakDeadline(seven)).toBe('2026-11-09');
    expect(streakDeadline(EMPTY_STREAK)).toBeNull();
  });
});
