// What a learner may see of hidden tests: that they exist and whether they passed, never their names,
// code, messages, output or durations (a message would echo expected values; a duration is a side channel:
// learner code that sleeps in proportion to its input reads hidden inputs back from the timings).
import type { GradeResult, TestResult } from './types';

export interface MaskOptions {
  /** Keep hidden test names (some courses name hidden tests to hint at the missed case). */
  revealNames?: boolean;
}

const HIDDEN_MESSAGE = 'A hidden test failed. Check the edge cases described in the exercise.';

/** Masks one hidden test; `hiddenNumber` counts hidden tests from 1 in file order. */
export function maskHiddenTest(test: TestResult, hiddenNumber: number, options: MaskOptions = {}): TestResult {
  if (!test.hidden) return test;
  const masked: TestResult = {
    name: options.revealNames ? test.name : `Hidden test ${hiddenNumber}`,
    status: test.status,
    // The field stays (one TestResult shape) but carries nothing.
    durationMs: 0,
    hidden: true,
  };
  if (test.status !== 'pass') masked.message = HIDDEN_MESSAGE;
  return masked;
}

export function maskHiddenTests(result: GradeResult, options: MaskOptions = {}): GradeResult {
  let hiddenNumber = 0;
  const names = new Map<string, string>();
  const tests = result.tests.map((test) => {
    if (!test.hidden) return test;
    const masked = maskHiddenTest(test, ++hiddenNumber, options);
    names.set(test.name, masked.name);
    return masked;
  });
  // The total would give the hidden tests' time away as total minus the visible tests' durations.
  const visibleMs = result.tests.reduce((sum, test) => sum + (test.hidden ? 0 : test.durationMs), 0);
  const masked: GradeResult = { ...result, tests, ...(hiddenNumber > 0 ? { durationMs: visibleMs } : {}) };
  if (result.limit?.testName !== undefined && names.has(result.limit.testName)) {
    masked.limit = { ...result.limit, testName: names.get(result.limit.testName) };
  }
  // The summary message names the test a limit stopped (`... while running "name"`).
  if (masked.message !== undefined) {
    for (const [name, maskedName] of names) masked.message = masked.message.split(`"${name}"`).join(`"${maskedName}"`);
  }
  return masked;
}
