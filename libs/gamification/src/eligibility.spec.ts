import { submitEvent, xpEligibility, type SubmitFacts } from './eligibility';
import { applySubmitOutcome, INITIAL_LEARNER_STATE } from './outcome';

const facts = (overrides: Partial<SubmitFacts> = {}): SubmitFacts => ({
  passed: true,
  exerciseXp: 10,
  earlierSubmits: 0,
  alreadyAwarded: false,
  hintsRevealed: 0,
  discountedHintsRevealed: 0,
  solutionRevealed: false,
  armorHeld: 0,
  at: new Date('2026-12-03T10:00:00Z'),
  timeZone: 'Europe/Paris',
  ...overrides,
});

describe('xpEligibility', () => {
  it('a first pass on the first Submit: XP due, first try', () => {
    expect(xpEligibility(facts())).toEqual({
      isFirstPassOfExercise: true,
      isFirstSubmitOfExercise: true,
      hintsRevealedBeforeSolve: 0,
      discountedHintsBeforeSolve: 0,
      solutionRevealedBeforeSolve: false,
    });
  });

  it('a pass after earlier failing Submits: XP due, not first try', () => {
    expect(xpEligibility(facts({ earlierSubmits: 2 }))).toMatchObject({ isFirstPassOfExercise: true, isFirstSubmitOfExercise: false });
  });

  it('a pass of an exercise already solved: nothing due, and later reveals cost nothing', () => {
    expect(xpEligibility(facts({ alreadyAwarded: true, earlierSubmits: 1, hintsRevealed: 3, solutionRevealed: true }))).toEqual({
      isFirstPassOfExercise: false,
      isFirstSubmitOfExercise: false,
      hintsRevealedBeforeSolve: 0,
      discountedHintsBeforeSolve: 0,
      solutionRevealedBeforeSolve: false,
    });
  });

  it('a failing Submit: nothing due, reveals not charged', () => {
    expect(xpEligibility(facts({ passed: false, hintsRevealed: 2, solutionRevealed: true }))).toMatchObject({
      isFirstPassOfExercise: false,
      hintsRevealedBeforeSolve: 0,
      solutionRevealedBeforeSolve: false,
    });
  });

  it('reveals before the first pass are charged, discounted ones counted apart', () => {
    expect(xpEligibility(facts({ hintsRevealed: 2, discountedHintsRevealed: 1, solutionRevealed: true }))).toMatchObject({
      hintsRevealedBeforeSolve: 2,
      discountedHintsBeforeSolve: 1,
      solutionRevealedBeforeSolve: true,
    });
  });
});

describe('submitEvent', () => {
  it('carries completions only for a first pass, and feeds the rules', () => {
    const repeat = facts({ alreadyAwarded: true });
    expect(submitEvent(repeat, xpEligibility(repeat), { chapterCompleted: true, courseCompleted: true })).toMatchObject({
      chapterCompleted: false,
      courseCompleted: false,
    });
    const first = facts();
    const event = submitEvent(first, xpEligibility(first), { chapterCompleted: true, courseCompleted: false });
    expect(event).toMatchObject({ passed: true, exerciseXp: 10, chapterCompleted: true, courseCompleted: false, timeZone: 'Europe/Paris' });
    expect(applySubmitOutcome(INITIAL_LEARNER_STATE, event).xpAwarded).toBeGreaterThanOrEqual(10);
    expect(
      applySubmitOutcome(
        INITIAL_LEARNER_STATE,
        submitEvent(repeat, xpEligibility(repeat), { chapterCompleted: false, courseCompleted: false }),
      ).xpAwarded,
    ).toBe(0);
  });
});
