// Builds the GradeResult from what the run produced. The verdict is always computed here, on the host,
// from validated data; nothing the isolate prints or returns can state a verdict directly.
import type { GradeResult, LimitKind, TestResult, Verdict } from './types';

const LIMIT_VERDICT: Record<LimitKind, Verdict> = { time: 'time_limit', memory: 'memory_limit', output: 'failed' };
const LIMIT_MESSAGE: Record<LimitKind, string> = {
  time: 'Time limit exceeded',
  memory: 'Memory limit exceeded',
  output: 'Output limit exceeded',
};

/** What the harness registered, in file order (sent before the run starts). */
export interface Registered {
  names: string[];
  /** Declared identities (TestResult.id), same order. */
  ids?: string[];
  hidden: boolean[];
}

export const NOT_RUN = 'Not run';

const limitTestMessage = (kind: LimitKind) => `${LIMIT_MESSAGE[kind]} while this test was running.`;
const HOST_TEST_MESSAGES = new Set<string>([NOT_RUN, limitTestMessage('time'), limitTestMessage('memory'), limitTestMessage('output')]);

/** A message the host itself put on a test (never the test's or the learner's text). */
export const isHostTestMessage = (message: string): boolean => HOST_TEST_MESSAGES.has(message);

export function errorResult(message: string, tests: TestResult[] = []): GradeResult {
  return { status: 'error', verdict: 'error', message, tests, durationMs: 0 };
}

export function sandboxErrorResult(message: string, tests: TestResult[] = []): GradeResult {
  return { status: 'error', verdict: 'sandbox_error', message, tests, durationMs: 0 };
}

/** Registered tests that never reported a result (the run was stopped) are listed as not run. */
export function fillUnfinished(registered: Registered, finished: ReadonlyMap<number, TestResult>): TestResult[] {
  const count = Math.max(registered.names.length, ...[...finished.keys()].map((index) => index + 1));
  const tests: TestResult[] = [];
  for (let index = 0; index < count; index++) {
    const done = finished.get(index);
    if (done) {
      tests.push(done);
      continue;
    }
    const test: TestResult = { name: registered.names[index] ?? `Test ${index + 1}`, status: 'error', message: NOT_RUN, durationMs: 0 };
    const id = registered.ids?.[index];
    if (id !== undefined) test.id = id;
    if (registered.hidden[index]) test.hidden = true;
    tests.push(test);
  }
  return tests;
}

/** The first test that has not finished: the one that was running when the run was stopped. */
export function runningTestName(tests: readonly TestResult[]): string | undefined {
  return tests.find((test) => test.message === NOT_RUN)?.name;
}

/** A run that a limit ended. The running test's own message says so; later tests stay "Not run". */
export function limitResult(kind: LimitKind, tests: TestResult[], testName: string | undefined, detail: string): GradeResult {
  const marked = tests.map((test) =>
    test.name === testName && test.status !== 'pass' && (test.message === NOT_RUN || test.message === undefined)
      ? { ...test, status: 'error' as const, message: limitTestMessage(kind) }
      : test,
  );
  return {
    status: 'fail',
    verdict: LIMIT_VERDICT[kind],
    message: `${LIMIT_MESSAGE[kind]}${testName === undefined ? '' : ` while running "${testName}"`}: ${detail}`,
    tests: marked,
    durationMs: 0,
    limit: testName === undefined ? { kind } : { kind, testName },
  };
}

export function completedResult(tests: TestResult[]): GradeResult {
  if (tests.length === 0) return errorResult('No tests were found: the test files registered no test.');
  const failed = tests.filter((test) => test.status !== 'pass').length;
  if (failed === 0) return { status: 'pass', verdict: 'passed', tests, durationMs: 0 };
  return {
    status: 'fail',
    verdict: 'failed',
    message: `${failed} of ${tests.length} test${tests.length === 1 ? '' : 's'} failed.`,
    tests,
    durationMs: 0,
  };
}
