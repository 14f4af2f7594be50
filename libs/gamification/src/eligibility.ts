// "Is XP due, and on what terms": decided here, from facts the data layer loads (libs/data
// learner-records/record-submit-outcome.ts), never in SQL. How MUCH XP is xp.ts; applying everything to the
// learner's state is outcome.ts.

import type { SubmitEvent } from './outcome';

/** What the database knows about a graded Submit, read under the learner's progress-row lock. */
export interface SubmitFacts {
  passed: boolean;
  /** The exercise's `xp` from its manifest. */
  exerciseXp: number;
  /** Submits of this exercise by this learner graded before this one (passing or not). */
  earlierSubmits: number;
  /** An earlier Submit of this exercise already earned its XP (the exercise is solved). */
  alreadyAwarded: boolean;
  /** Reveals so far on this exercise (all of them, whenever they happened). */
  hintsRevealed: number;
  discountedHintsRevealed: number;
  solutionRevealed: boolean;
  /** Spree armor the learner holds (the shop). */
  armorHeld: number;
  at: Date;
  timeZone: string | null | undefined;
}

export interface XpEligibility {
  /** This Submit is the learner's first pass of the exercise: it earns XP and records the solve. */
  isFirstPassOfExercise: boolean;
  /** No Submit of this exercise came before (the first-try bonus may apply). */
  isFirstSubmitOfExercise: boolean;
  /** Reveals that cost XP: those before the solve. Until the first pass every reveal so far is "before". */
  hintsRevealedBeforeSolve: number;
  discountedHintsBeforeSolve: number;
  solutionRevealedBeforeSolve: boolean;
}

export function xpEligibility(facts: SubmitFacts): XpEligibility {
  const isFirstPassOfExercise = facts.passed && !facts.alreadyAwarded;
  return {
    isFirstPassOfExercise,
    isFirstSubmitOfExercise: facts.earlierSubmits === 0,
    // A reveal after the solve is free (the exercise earns nothing more), so it only counts on the first pass.
    hintsRevealedBeforeSolve: isFirstPassOfExercise ? facts.hintsRevealed : 0,
    discountedHintsBeforeSolve: isFirstPassOfExercise ? facts.discountedHintsRevealed : 0,
    solutionRevealedBeforeSolve: isFirstPassOfExercise && facts.solutionRevealed,
  };
}

/** The rules' input for a Submit: its facts, the eligibility decided from them, and what the solve completed. */
export function submitEvent(
  facts: SubmitFacts,
  eligibility: XpEligibility,
  completed: { chapterCompleted: boolean; courseCompleted: boolean },
): SubmitEvent {
  return {
    passed: facts.passed,
    exerciseXp: facts.exerciseXp,
    ...eligibility,
    armorHeld: facts.armorHeld,
    at: facts.at,
    timeZone: facts.timeZone,
    chapterCompleted: eligibility.isFirstPassOfExercise && completed.chapterCompleted,
    courseCompleted: eligibility.isFirstPassOfExercise && completed.courseCompleted,
  };
}
