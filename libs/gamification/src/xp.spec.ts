import { describe, expect, it } from '@jest/globals';
import { DEFAULT_XP_RULES, hintCost, hintPenaltyFor, resolveXpRules, solutionRevealCost, xpForSolve, type SolveXpInput } from './xp';

const rules = resolveXpRules();
const solve = (input: Partial<SolveXpInput>) =>
  xpForSolve({
    exerciseXp: 100,
    isFirstTry: false,
    hintsRevealedBeforeSolve: 0,
    solutionRevealedBeforeSolve: false,
    rules,
    ...input,
  });

describe('resolveXpRules', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveXpRules()).toEqual({
      firstTryBonusPercent: 20,
      hintCostPercent: 15,
      hintPenaltyCapPercent: 60,
      solutionRevealForfeits: true,
    });
    expect(resolveXpRules(null)).toEqual(DEFAULT_XP_RULES);
  });

  it('applies a pack’s overrides and keeps the rest', () => {
    expect(resolveXpRules({ hintCostPercent: 10, solutionRevealForfeits: false })).toEqual({
      ...DEFAULT_XP_RULES,
      hintCostPercent: 10,
      solutionRevealForfeits: false,
    });
  });

  it('refuses percentages out of range, naming the field', () => {
    expect(() => resolveXpRules({ hintCostPercent: 101 })).toThrow(/xp\.hintCostPercent/);
    expect(() => resolveXpRules({ firstTryBonusPercent: -5 })).toThrow(/xp\.firstTryBonusPercent/);
    expect(() => resolveXpRules({ hintPenaltyCapPercent: 12.5 })).toThrow(RangeError);
  });
});

describe('xpForSolve', () => {
  it('awards the exercise’s XP', () => {
    expect(solve({})).toEqual({ base: 100, bonus: 0, hintPenalty: 0, total: 100, forfeited: false });
  });

  it('adds the first-try bonus', () => {
    expect(solve({ isFirstTry: true })).toEqual({ base: 100, bonus: 20, hintPenalty: 0, total: 120, forfeited: false });
  });

  it('charges each hint revealed before solving', () => {
    expect(solve({ hintsRevealedBeforeSolve: 1 }).total).toBe(85);
    expect(solve({ hintsRevealedBeforeSolve: 2 })).toMatchObject({ hintPenalty: 30, total: 70 });
  });

  it('caps hint costs so XP never drops below the floor (40% by default)', () => {
    expect(solve({ hintsRevealedBeforeSolve: 4 })).toMatchObject({ hintPenalty: 60, total: 40 });
    expect(solve({ hintsRevealedBeforeSolve: 50 })).toMatchObject({ hintPenalty: 60, total: 40 });
  });

  it('never goes negative, even when a pack lets hints take everything', () => {
    const harsh = resolveXpRules({ hintCostPercent: 100, hintPenaltyCapPercent: 100 });
    expect(solve({ hintsRevealedBeforeSolve: 3, rules: harsh }).total).toBe(0);
  });

  it('combines bonus and hints', () => {
    expect(solve({ isFirstTry: true, hintsRevealedBeforeSolve: 1 })).toMatchObject({ bonus: 20, hintPenalty: 15, total: 105 });
  });

  it('forfeits everything when the reference solution was revealed', () => {
    expect(solve({ isFirstTry: true, hintsRevealedBeforeSolve: 2, solutionRevealedBeforeSolve: true })).toEqual({
      base: 0,
      bonus: 0,
      hintPenalty: 0,
      total: 0,
      forfeited: true,
    });
  });

  it('keeps the XP but not the bonus when a pack turns forfeiting off', () => {
    const lenient = resolveXpRules({ solutionRevealForfeits: false });
    expect(solve({ isFirstTry: true, solutionRevealedBeforeSolve: true, rules: lenient })).toMatchObject({
      base: 100,
      bonus: 0,
      total: 100,
      forfeited: false,
    });
  });

  it('rounds to whole XP', () => {
    expect(solve({ exerciseXp: 10, isFirstTry: true, hintsRevealedBeforeSolve: 1 })).toEqual({
      base: 10,
      bonus: 2,
      hintPenalty: 2,
      total: 10,
      forfeited: false,
    });
    const result = solve({ exerciseXp: 33, isFirstTry: true, hintsRevealedBeforeSolve: 3 });
    for (const value of [result.base, result.bonus, result.hintPenalty, result.total]) {
      expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('refuses invalid XP or hint counts', () => {
    expect(() => solve({ exerciseXp: -1 })).toThrow(RangeError);
    expect(() => solve({ hintsRevealedBeforeSolve: -1 })).toThrow(RangeError);
  });
});

describe('costs shown before revealing', () => {
  it('hintCost is the next hint’s cost, and 0 once the cap is reached', () => {
    expect(hintCost(100, rules)).toBe(15);
    expect(hintCost(100, rules, 3)).toBe(15);
    expect(hintCost(100, rules, 4)).toBe(0);
    // 50 XP: 8 per hint (7.5 rounded), capped at 30 in total, so the 4th hint costs what is left.
    expect([0, 1, 2, 3, 4].map((n) => hintCost(50, rules, n))).toEqual([8, 8, 8, 6, 0]);
  });

  it('what the learner is told matches what is charged', () => {
    for (let revealed = 0; revealed < 6; revealed += 1) {
      let told = 0;
      for (let n = 0; n < revealed; n += 1) told += hintCost(70, rules, n);
      expect(solve({ exerciseXp: 70, hintsRevealedBeforeSolve: revealed }).hintPenalty).toBe(told);
    }
  });

  it('solutionRevealCost is the whole XP, or 0 when the pack keeps it', () => {
    expect(solutionRevealCost(100, rules)).toBe(100);
    expect(solutionRevealCost(100, resolveXpRules({ solutionRevealForfeits: false }))).toBe(0);
  });
});

describe('hint discounts', () => {
  it('a discounted hint costs half (rounded down), within the same cap', () => {
    expect(hintPenaltyFor(100, 2, DEFAULT_XP_RULES, 1)).toBe(15 + 7);
    expect(hintPenaltyFor(100, 5, DEFAULT_XP_RULES, 0)).toBe(60);
    expect(hintPenaltyFor(100, 5, DEFAULT_XP_RULES, 5)).toBe(35);
    expect(() => hintPenaltyFor(100, 1, DEFAULT_XP_RULES, 2)).toThrow(RangeError);
    expect(
      xpForSolve({
        exerciseXp: 100,
        isFirstTry: false,
        hintsRevealedBeforeSolve: 1,
        discountedHintsBeforeSolve: 1,
        solutionRevealedBeforeSolve: false,
        rules: DEFAULT_XP_RULES,
      }).total,
    ).toBe(93);
  });
});
