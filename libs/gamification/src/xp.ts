// XP for solving an exercise. Pure arithmetic on integers: the caller decides *whether* XP is due
// (first passing Submit of the exercise, never a Run) and this module decides *how much*.

export interface XpRules {
  /** Bonus, as a percent of the exercise's XP, when the first Submit of the exercise passes. */
  firstTryBonusPercent: number;
  /** What each hint revealed before solving costs, as a percent of the exercise's XP. */
  hintCostPercent: number;
  /**
   * The most all hints together can cost, as a percent of the exercise's XP. This is the floor: a
   * learner who reveals every hint still keeps `100 - hintPenaltyCapPercent` percent of the XP, so
   * hints never push the award to zero (or below).
   */
  hintPenaltyCapPercent: number;
  /** Revealing the reference solution before solving forfeits the exercise's XP (and its bonus). */
  solutionRevealForfeits: boolean;
}

export const DEFAULT_XP_RULES: Readonly<XpRules> = Object.freeze({
  firstTryBonusPercent: 20,
  hintCostPercent: 15,
  hintPenaltyCapPercent: 60,
  solutionRevealForfeits: true,
});

/** What a pack may override in `pack.yaml` under `xp:`; anything left out keeps the default. */
export type XpRuleOverrides = Partial<XpRules>;

const PERCENT_FIELDS = ['firstTryBonusPercent', 'hintCostPercent', 'hintPenaltyCapPercent'] as const;

/** The defaults with a pack's overrides applied. Throws RangeError naming the field when one is invalid. */
export function resolveXpRules(packOverrides?: XpRuleOverrides | null): XpRules {
  const rules: XpRules = { ...DEFAULT_XP_RULES };
  if (!packOverrides) return rules;
  for (const field of PERCENT_FIELDS) {
    const value = packOverrides[field];
    if (value === undefined) continue;
    // A bonus above 100% would let a first-try bonus dwarf the exercise itself; costs above 100% make no sense.
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      throw new RangeError(`xp.${field} must be an integer from 0 to 100, got ${String(value)}`);
    }
    rules[field] = value;
  }
  if (packOverrides.solutionRevealForfeits !== undefined) {
    if (typeof packOverrides.solutionRevealForfeits !== 'boolean') {
      throw new RangeError(`xp.solutionRevealForfeits must be true or false, got ${String(packOverrides.solutionRevealForfeits)}`);
    }
    rules.solutionRevealForfeits = packOverrides.solutionRevealForfeits;
  }
  return rules;
}

export interface SolveXpInput {
  /** The exercise's `xp` from its manifest. */
  exerciseXp: number;
  /** The exercise's first Submit passed. */
  isFirstTry: boolean;
  /** Hints revealed before the exercise was first solved (hints revealed afterwards are free). */
  hintsRevealedBeforeSolve: number;
  /** How many of those were revealed with a hint discount (they cost half). */
  discountedHintsBeforeSolve?: number;
  /** The reference solution was revealed before the exercise was first solved. */
  solutionRevealedBeforeSolve: boolean;
  rules: XpRules;
}

export interface XpBreakdown {
  /** The exercise's XP (0 when forfeited). */
  base: number;
  /** First-try bonus. */
  bonus: number;
  /** XP taken off for hints (never more than the cap). */
  hintPenalty: number;
  /** base + bonus - hintPenalty; never negative. */
  total: number;
  /** The reference solution was revealed and the rules forfeit the XP. */
  forfeited: boolean;
}

function assertExerciseXp(exerciseXp: number): void {
  if (!Number.isSafeInteger(exerciseXp) || exerciseXp < 0) {
    throw new RangeError(`exerciseXp must be a non-negative integer, got ${exerciseXp}`);
  }
}

function percentOf(amount: number, percent: number): number {
  // Integers in, integers out; halves round up, so 15% of 10 XP is 2.
  return Math.round((amount * percent) / 100);
}

function hintPenaltyCap(exerciseXp: number, rules: XpRules): number {
  return percentOf(exerciseXp, rules.hintPenaltyCapPercent);
}

/** Total cost of `hintCount` hints on an exercise, capped; `discounted` of them cost half (rounded down). */
export function hintPenaltyFor(exerciseXp: number, hintCount: number, rules: XpRules, discounted = 0): number {
  assertExerciseXp(exerciseXp);
  if (!Number.isSafeInteger(hintCount) || hintCount < 0) {
    throw new RangeError(`hint count must be a non-negative integer, got ${hintCount}`);
  }
  if (!Number.isSafeInteger(discounted) || discounted < 0 || discounted > hintCount) {
    throw new RangeError(`discounted hints must be an integer from 0 to the hint count, got ${discounted}`);
  }
  const each = percentOf(exerciseXp, rules.hintCostPercent);
  const total = (hintCount - discounted) * each + discounted * Math.floor(each / 2);
  return Math.min(total, hintPenaltyCap(exerciseXp, rules));
}

/**
 * What revealing the next hint will cost, to show the learner before they confirm. It is 0 once the cap
 * is reached. (Only applies before the exercise is solved; afterwards hints are free.)
 */
export function hintCost(exerciseXp: number, rules: XpRules, hintsAlreadyRevealed = 0): number {
  return hintPenaltyFor(exerciseXp, hintsAlreadyRevealed + 1, rules) - hintPenaltyFor(exerciseXp, hintsAlreadyRevealed, rules);
}

/** What revealing the reference solution will cost, to show the learner before they confirm. */
export function solutionRevealCost(exerciseXp: number, rules: XpRules): number {
  assertExerciseXp(exerciseXp);
  return rules.solutionRevealForfeits ? exerciseXp : 0;
}

/** The XP a first passing Submit earns. */
export function xpForSolve(input: SolveXpInput): XpBreakdown {
  const { exerciseXp, isFirstTry, hintsRevealedBeforeSolve, solutionRevealedBeforeSolve, rules } = input;
  const discounted = Math.min(input.discountedHintsBeforeSolve ?? 0, hintsRevealedBeforeSolve);
  assertExerciseXp(exerciseXp);
  if (solutionRevealedBeforeSolve && rules.solutionRevealForfeits) {
    return { base: 0, bonus: 0, hintPenalty: 0, total: 0, forfeited: true };
  }
  // Passing with the reference solution in view is not a first try, even when a pack keeps the XP.
  const bonus = isFirstTry && !solutionRevealedBeforeSolve ? percentOf(exerciseXp, rules.firstTryBonusPercent) : 0;
  const hintPenalty = hintPenaltyFor(exerciseXp, hintsRevealedBeforeSolve, rules, discounted);
  return {
    base: exerciseXp,
    bonus,
    hintPenalty,
    total: Math.max(0, exerciseXp + bonus - hintPenalty),
    forfeited: false,
  };
}
