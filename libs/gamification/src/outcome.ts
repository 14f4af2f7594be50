// The one entry point the worker calls inside the transaction that completes a Submit. Pure and
// deterministic: the caller loads the learner's state, passes the facts about the Submit (including its
// time and the learner's time zone), stores the returned state, and publishes the returned event.

import { evaluateAchievements, type Achievement } from './achievements';
import { localTime, timeZoneOrUtc, type CalendarDay } from './calendar';
import { levelForXp, type LevelInfo } from './levels';
import { spreeWithArmor } from './gems';
import { applySubmitToSpree, EMPTY_SPREE, type SpreeState } from './spree';
import { applySolveToStreak, DEFAULT_STREAK_RULES, EMPTY_STREAK, type StreakRules, type StreakState } from './streak';
import { DEFAULT_XP_RULES, xpForSolve, type XpBreakdown, type XpRules } from './xp';

export interface LearnerGamificationState {
  /** All-time XP. */
  xp: number;
  /** Exercises passed at least once. */
  solvedCount: number;
  /** Exercises whose first Submit passed (without the reference solution revealed). */
  firstTrySolves: number;
  /** Exercises solved without revealing a hint or the reference solution first. */
  hintFreeSolves: number;
  streak: StreakState;
  spree: SpreeState;
  /** Ids of achievements already unlocked. */
  unlockedAchievementIds: readonly string[];
}

export const INITIAL_LEARNER_STATE: Readonly<LearnerGamificationState> = Object.freeze({
  xp: 0,
  solvedCount: 0,
  firstTrySolves: 0,
  hintFreeSolves: 0,
  streak: EMPTY_STREAK,
  spree: EMPTY_SPREE,
  unlockedAchievementIds: [],
});

/** A graded Submit (never a Run: Runs do not reach the rules at all); built by submitEvent (eligibility.ts). */
export interface SubmitEvent {
  passed: boolean;
  /** The exercise's `xp` from its manifest. */
  exerciseXp: number;
  /** This Submit passed and no earlier Submit of this exercise by this learner had passed. */
  isFirstPassOfExercise: boolean;
  /** No earlier Submit of this exercise by this learner exists (passing or not). */
  isFirstSubmitOfExercise: boolean;
  hintsRevealedBeforeSolve: number;
  /** Of those, revealed with a hint discount from the shop (they cost half). */
  discountedHintsBeforeSolve?: number;
  /** Armor from the shop the learner holds: a failing Submit uses one and keeps the spree. */
  armorHeld?: number;
  solutionRevealedBeforeSolve: boolean;
  /** When the Submit was graded as passing (or failing): the instant, not a local time. */
  at: Date;
  /** The learner's IANA time zone; an invalid or missing one falls back to UTC. */
  timeZone: string | null | undefined;
  /** This solve completed every exercise of its chapter / course. */
  chapterCompleted: boolean;
  courseCompleted: boolean;
}

export interface GamificationRules {
  /** The exercise's pack rules (resolveXpRules). */
  xp: XpRules;
  /** Platform rules (resolveStreakRules). */
  streak: StreakRules;
}

export const DEFAULT_GAMIFICATION_RULES: Readonly<GamificationRules> = Object.freeze({
  xp: DEFAULT_XP_RULES,
  streak: DEFAULT_STREAK_RULES,
});

export interface UnlockedAchievement extends Achievement {
  unlockedAt: Date;
}

/** What the rules made of a Submit (libs/data stores it and answers the contracts' SubmitOutcome). */
export interface AppliedSubmit {
  state: LearnerGamificationState;
  xpAwarded: number;
  /** How xpAwarded was made up; null when the Submit earns no XP (failing, or not the first pass). */
  xpBreakdown: XpBreakdown | null;
  leveledUp: boolean;
  /** The level after the Submit. */
  level: LevelInfo;
  previousLevel: number;
  newAchievements: UnlockedAchievement[];
  /** A streak day was counted (grew, or a new streak started). */
  streakExtended: boolean;
  streakBroken: boolean;
  freezesSpent: number;
  freezeEarned: boolean;
  /** A failing Submit used one armor from the shop to keep the spree. */
  armorUsed: boolean;
  /** The learner's local day of the Submit (the streak day). */
  localDay: CalendarDay;
}

export function applySubmitOutcome(
  state: LearnerGamificationState,
  event: SubmitEvent,
  rules: GamificationRules = DEFAULT_GAMIFICATION_RULES,
): AppliedSubmit {
  const previousLevel = levelForXp(state.xp).level;
  const local = localTime(event.at, timeZoneOrUtc(event.timeZone));
  const nothingElse = {
    xpAwarded: 0,
    xpBreakdown: null,
    leveledUp: false,
    level: levelForXp(state.xp),
    previousLevel,
    newAchievements: [],
    streakExtended: false,
    streakBroken: false,
    freezesSpent: 0,
    freezeEarned: false,
    armorUsed: false,
    localDay: local.day,
  };

  // A failing Submit ends the spree (unless armor protects it) and changes nothing else.
  if (!event.passed) {
    const armored = spreeWithArmor(state.spree.current, false, event.armorHeld ?? 0);
    const spree = armored.armorUsed ? state.spree : applySubmitToSpree(state.spree, false);
    return { ...nothingElse, armorUsed: armored.armorUsed, state: { ...state, spree } };
  }

  // Passing an exercise already solved earns nothing and leaves the spree as it is: re-submitting a
  // known-good solution would otherwise farm the spree.
  if (!event.isFirstPassOfExercise) {
    return { ...nothingElse, ...unlocksFor(state, state, event, local.hour, previousLevel) };
  }

  const assisted = event.solutionRevealedBeforeSolve;
  const isFirstTry = event.isFirstSubmitOfExercise && !assisted;
  const breakdown = xpForSolve({
    exerciseXp: event.exerciseXp,
    isFirstTry: event.isFirstSubmitOfExercise,
    hintsRevealedBeforeSolve: event.hintsRevealedBeforeSolve,
    discountedHintsBeforeSolve: event.discountedHintsBeforeSolve ?? 0,
    solutionRevealedBeforeSolve: assisted,
    rules: rules.xp,
  });
  const streak = applySolveToStreak(state.streak, local.day, rules.streak);
  const next: LearnerGamificationState = {
    ...state,
    xp: state.xp + breakdown.total,
    solvedCount: state.solvedCount + 1,
    firstTrySolves: state.firstTrySolves + (isFirstTry ? 1 : 0),
    hintFreeSolves: state.hintFreeSolves + (!assisted && event.hintsRevealedBeforeSolve === 0 ? 1 : 0),
    streak: streak.state,
    // Copying the revealed reference solution is not accuracy: it neither extends nor breaks the spree.
    spree: assisted ? state.spree : applySubmitToSpree(state.spree, true),
  };
  const level = levelForXp(next.xp);
  return {
    ...nothingElse,
    ...unlocksFor(state, next, event, local.hour, level.level),
    xpAwarded: breakdown.total,
    xpBreakdown: breakdown,
    leveledUp: level.level > previousLevel,
    level,
    streakExtended: streak.extended,
    streakBroken: streak.broken,
    freezesSpent: streak.freezesSpent,
    freezeEarned: streak.freezeEarned,
  };
}

/** The state with newly earned achievements added, and those achievements stamped with the Submit's time. */
function unlocksFor(
  before: LearnerGamificationState,
  after: LearnerGamificationState,
  event: SubmitEvent,
  localHour: number,
  level: number,
): { state: LearnerGamificationState; newAchievements: UnlockedAchievement[] } {
  const unlocked = evaluateAchievements(
    {
      solvedCount: after.solvedCount,
      firstTrySolves: after.firstTrySolves,
      hintFreeSolves: after.hintFreeSolves,
      longestStreak: after.streak.longest,
      bestSpree: after.spree.best,
      level,
      isNewSolve: event.isFirstPassOfExercise,
      localHour,
      chapterCompleted: event.isFirstPassOfExercise && event.chapterCompleted,
      courseCompleted: event.isFirstPassOfExercise && event.courseCompleted,
    },
    new Set(before.unlockedAchievementIds),
  );
  return {
    state: { ...after, unlockedAchievementIds: [...before.unlockedAchievementIds, ...unlocked.map((a) => a.id)] },
    newAchievements: unlocked.map((achievement) => ({ ...achievement, unlockedAt: new Date(event.at.getTime()) })),
  };
}
