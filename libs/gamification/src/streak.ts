// The daily streak. A day counts when the learner passes a new exercise that day on their own calendar
// (see calendar.ts). Missed days are covered by streak freezes, spent automatically on the next solve,
// and only when the learner holds enough to cover every missed day; otherwise the streak restarts at 1.

import { addDays, daysBetween, type CalendarDay } from './calendar';

export interface StreakRules {
  /** A freeze is earned each time the current streak reaches a multiple of this many days. */
  freezeEveryDays: number;
  /** Most freezes a learner can hold; a freeze earned at the limit is lost. */
  maxFreezes: number;
}

export const DEFAULT_STREAK_RULES: Readonly<StreakRules> = Object.freeze({ freezeEveryDays: 7, maxFreezes: 2 });

/** Platform-wide (not per pack, because a streak spans packs). Throws RangeError naming a bad field. */
export function resolveStreakRules(overrides?: Partial<StreakRules> | null): StreakRules {
  const rules: StreakRules = { ...DEFAULT_STREAK_RULES, ...overrides };
  if (!Number.isSafeInteger(rules.freezeEveryDays) || rules.freezeEveryDays < 1) {
    throw new RangeError(`streak.freezeEveryDays must be an integer >= 1, got ${rules.freezeEveryDays}`);
  }
  if (!Number.isSafeInteger(rules.maxFreezes) || rules.maxFreezes < 0) {
    throw new RangeError(`streak.maxFreezes must be an integer >= 0, got ${rules.maxFreezes}`);
  }
  return rules;
}

export interface StreakState {
  /** Days in the current streak that had a solve (days covered by a freeze keep the streak alive but add nothing). */
  current: number;
  longest: number;
  /** Freezes held, ready to be spent. */
  freezes: number;
  /** The learner's local day of the last counted solve; null before the first one. */
  lastDay: CalendarDay | null;
}

export const EMPTY_STREAK: Readonly<StreakState> = Object.freeze({ current: 0, longest: 0, freezes: 0, lastDay: null });

export interface StreakUpdate {
  state: StreakState;
  /** The day was counted: the streak grew by one (or a new streak started at 1). */
  extended: boolean;
  /** A previous streak was lost because the missed days could not be covered. */
  broken: boolean;
  freezesSpent: number;
  freezeEarned: boolean;
}

/**
 * Counts a solve made on the learner's local `day`.
 * - same day as the last counted one: nothing changes;
 * - the next day: +1;
 * - after k missed days: spends k freezes if the learner holds at least k, and the streak goes on (+1);
 *   otherwise the streak restarts at 1 and the freezes are kept;
 * - a day *before* the last counted one (the learner moved to a time zone behind the old one): nothing
 *   changes, so moving zones can neither break nor double-count a day.
 * Reaching a multiple of `freezeEveryDays` earns one freeze, up to `maxFreezes` held.
 */
export function applySolveToStreak(state: StreakState, day: CalendarDay, rules: StreakRules): StreakUpdate {
  const unchanged: StreakUpdate = { state, extended: false, broken: false, freezesSpent: 0, freezeEarned: false };
  let current: number;
  let freezes = state.freezes;
  let freezesSpent = 0;
  let broken = false;

  if (state.lastDay === null) {
    current = 1;
  } else {
    const gap = daysBetween(state.lastDay, day);
    if (gap <= 0) return unchanged;
    const missedDays = gap - 1;
    if (missedDays <= freezes) {
      freezesSpent = missedDays;
      freezes -= missedDays;
      current = state.current + 1;
    } else {
      broken = state.current > 0;
      current = 1;
    }
  }

  const freezeEarned = current % rules.freezeEveryDays === 0 && freezes < rules.maxFreezes;
  if (freezeEarned) freezes += 1;

  return {
    state: { current, longest: Math.max(state.longest, current), freezes, lastDay: day },
    extended: true,
    broken,
    freezesSpent,
    freezeEarned,
  };
}

export interface StreakView {
  /** The streak as the learner should see it today: 0 when it is already lost. */
  current: number;
  longest: number;
  /** Freezes still available after reserving those that will cover days already missed. */
  freezes: number;
  /** Days already missed that freezes will cover when the learner next solves. */
  daysCoveredByFreezes: number;
  /** Today already counts. */
  solvedToday: boolean;
  /** The streak is alive but no freeze is left for today: it ends unless the learner solves today. */
  atRisk: boolean;
}

/**
 * The streak for display on the learner's local day `today`, without changing the stored state (freezes
 * are only spent for real by the next solve). A streak whose last day is before yesterday shows 0 unless
 * the freezes held cover every missed day.
 */
export function streakAsOf(state: StreakState, today: CalendarDay): StreakView {
  const { longest, freezes } = state;
  const lost: StreakView = { current: 0, longest, freezes, daysCoveredByFreezes: 0, solvedToday: false, atRisk: false };
  if (state.lastDay === null || state.current === 0) return lost;
  const gap = daysBetween(state.lastDay, today);
  if (gap <= 0) {
    return { current: state.current, longest, freezes, daysCoveredByFreezes: 0, solvedToday: true, atRisk: false };
  }
  const missedDays = gap - 1;
  if (missedDays > freezes) return lost;
  const freezesLeft = freezes - missedDays;
  return {
    current: state.current,
    longest,
    freezes: freezesLeft,
    daysCoveredByFreezes: missedDays,
    solvedToday: false,
    atRisk: freezesLeft === 0,
  };
}

/** The last local day on which a solve still keeps the streak alive (for reminders). Null without a streak. */
export function streakDeadline(state: StreakState): CalendarDay | null {
  if (state.lastDay === null || state.current === 0) return null;
  return addDays(state.lastDay, 1 + state.freezes);
}
