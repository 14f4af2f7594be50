// The in-isolate harness. The host runs this script in a fresh context before any learner code. It
// takes the host's progress callback off the global object, installs console, virtual
// timers and the Jest globals (non-writable), locks down the intrinsics, and leaves a single control
// function, which the host takes as a Reference and deletes from the global before loading learner code.
//
// Learner code can reach nothing here: the registry, results and callback live in closures, and the
// only way out of the isolate is the JSON string the control function returns to the host.

import { expect as jestExpect } from 'expect';
import { ModuleMocker } from 'jest-mock';
import { OutputCapture } from './output';
import { VirtualTimers } from './timers';
import { Registry, type Hooks } from './registry';
import { Runner, type ExpectState } from './runner';
import { describeError } from './errors';
import { lockdown } from './lockdown';
import { hooks } from './genuine-asymmetric';
import { callerFile, captureCaller, installStackTraceHook, type CapturedStack } from './caller';

interface HarnessConfig {
  visibleFiles: string[];
  maxOutputChars: number;
  /** Stop at the first test that does not pass (GradeRequest.bail). */
  bail: boolean;
}

type Global = Record<PropertyKey, unknown>;
const global = globalThis as unknown as Global;
const report = global.__questlineReport as (json: string) => void;
// The host may prepare an isolate before its job arrives; the job's settings come later (`configure`).
const config: HarnessConfig = { visibleFiles: [], maxOutputChars: 65536, bail: false };
delete global.__questlineReport;
const stringify = JSON.stringify;

const output = new OutputCapture();
const timers = new VirtualTimers();
const registry = new Registry();
let runner: Runner | null = null;

// --- expect, with the calls that change global matcher behaviour limited to test-file load time ---
const openExtend = jestExpect.extend;
const openAddEqualityTesters = jestExpect.addEqualityTesters;
const openSetState = jestExpect.setState;
function onlyWhileLoadingTests<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return ((...args: Parameters<F>) => {
    if (!registry.isOpen) throw new Error(`expect.${name}() can only be called at the top level of a test file`);
    // Learner code the test file calls while loading (a constructor in a describe body) must not
    // replace `toEqual` or add an equality tester that says yes to everything.
    registry.assertCalledByTestFile(`expect.${name}()`);
    return fn(...args);
  }) as F;
}
jestExpect.extend = onlyWhileLoadingTests('extend', openExtend);
jestExpect.addEqualityTesters = onlyWhileLoadingTests('addEqualityTesters', openAddEqualityTesters);
jestExpect.setState = onlyWhileLoadingTests('setState', openSetState);
// Jest's getState() hands out the live state object: learner code could reset `expectedAssertionsNumber`
// and defeat `expect.assertions(n)`. Callers get a copy.
const openGetState = jestExpect.getState;
jestExpect.getState = () => ({ ...openGetState() });

// Assertions made by learner code (a solution calling `expect(1).toBe(1)` to satisfy
// `expect.assertions(1)`) do not count. Once a test has called `expect.assertions()` or
// `expect.hasAssertions()`, each assertion's call stack is captured (a few µs) and read when the test
// ends. Assertions made before that call are counted as Jest counts them (not checked: a test that lets
// learner code run before it calls `expect.assertions()` is the remaining gap).
let assertionStacks: CapturedStack[] = [];
hooks.onAssertion = function onAssertion(state: {
  assertionCalls: number;
  expectedAssertionsNumber?: unknown;
  isExpectingAssertions?: unknown;
}) {
  state.assertionCalls++;
  if (state.expectedAssertionsNumber != null || state.isExpectingAssertions) assertionStacks.push(captureCaller(onAssertion));
};
function learnerAssertions(): number {
  let count = 0;
  for (const captured of assertionStacks) {
    const file = callerFile(captured);
    if (file !== null && !registry.testFiles.has(file)) count++;
  }
  return count;
}
const expectState: ExpectState = {
  reset(testName, hidden) {
    assertionStacks = [];
    // A hidden test's name must not reach learner code (masking hides it from the learner).
    openSetState({
      assertionCalls: 0,
      expectedAssertionsNumber: null,
      isExpectingAssertions: false,
      currentTestName: hidden ? undefined : testName,
    });
  },
  check() {
    const state = openGetState();
    const { expectedAssertionsNumber, isExpectingAssertions } = state;
    if (typeof expectedAssertionsNumber !== 'number' && !isExpectingAssertions) return null;
    const assertionCalls = state.assertionCalls - learnerAssertions();
    if (typeof expectedAssertionsNumber === 'number' && assertionCalls !== expectedAssertionsNumber) {
      return `expect.assertions(${expectedAssertionsNumber})\n\nExpected ${expectedAssertionsNumber} assertion${expectedAssertionsNumber === 1 ? '' : 's'} to be called but received ${assertionCalls} assertion call${assertionCalls === 1 ? '' : 's'}.`;
    }
    if (isExpectingAssertions && assertionCalls === 0) {
      return 'expect.hasAssertions()\n\nExpected at least one assertion to be called but received none.';
    }
    return null;
  },
};

// --- describe / test / hooks ---
function makeTest(skip: boolean) {
  const test = (name: unknown, fn?: unknown) => registry.test(name, fn, skip);
  return Object.assign(test, {
    each: (table: unknown, ...values: unknown[]) => registry.each('test', table, values, skip),
    skip: Object.assign((name: unknown, fn?: unknown) => registry.test(name, fn, true), {
      each: (table: unknown, ...values: unknown[]) => registry.each('test', table, values, true),
    }),
    only: undefined as unknown,
    todo: (name: unknown) => registry.test(name, undefined, true),
    concurrent: undefined as unknown,
    failing: undefined as unknown,
  });
}
function makeDescribe() {
  const describe = (name: unknown, fn: unknown) => registry.describe(name, fn, false);
  return Object.assign(describe, {
    each: (table: unknown, ...values: unknown[]) => registry.each('describe', table, values, false),
    skip: Object.assign((name: unknown, fn: unknown) => registry.describe(name, fn, true), {
      each: (table: unknown, ...values: unknown[]) => registry.each('describe', table, values, true),
    }),
    only: undefined as unknown,
  });
}
const test = makeTest(false);
// `.only` runs like a plain test: an authoring slip must never hide the other (possibly hidden) tests.
test.only = test;
test.concurrent = test;
const describe = makeDescribe();
describe.only = describe;
const hook = (kind: keyof Hooks) => (fn: unknown) => registry.hook(kind, fn);

// --- jest object ---
const mocker = new ModuleMocker(globalThis);
const jest = {
  fn: mocker.fn.bind(mocker),
  spyOn: mocker.spyOn.bind(mocker),
  mocked: mocker.mocked.bind(mocker),
  replaceProperty: mocker.replaceProperty.bind(mocker),
  isMockFunction: mocker.isMockFunction.bind(mocker),
  clearAllMocks: () => mocker.clearAllMocks(),
  resetAllMocks: () => mocker.resetAllMocks(),
  restoreAllMocks: () => mocker.restoreAllMocks(),
  // Timers are always virtual here, so fake/real timers are the same clock.
  useFakeTimers: () => jest,
  useRealTimers: () => jest,
  advanceTimersByTime: (ms: number) => timers.advanceBy(Number(ms)),
  advanceTimersByTimeAsync: (ms: number) => timers.advanceByAsync(Number(ms)),
  advanceTimersToNextTimer: (steps?: number) => timers.advanceToNext(steps === undefined ? 1 : Number(steps)),
  runAllTimers: () => timers.runAll(),
  runAllTimersAsync: () => timers.runAllAsync(),
  now: () => timers.clock,
  runOnlyPendingTimers: () => timers.runOnlyPending(),
  clearAllTimers: () => timers.reset(),
  getTimerCount: () => timers.pending,
  setTimeout: () => jest,
};

const timerGlobals = timers.globals();
const jestGlobals: Record<string, unknown> = {
  describe,
  xdescribe: describe,
  fdescribe: describe,
  // Exercism's runner un-skips xtest/xit; so do we.
  test,
  it: test,
  xtest: test,
  xit: test,
  fit: test,
  beforeAll: hook('beforeAll'),
  afterAll: hook('afterAll'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  expect: jestExpect,
  jest,
};
for (const name of Object.keys(jestGlobals)) if (name !== 'expect') Object.freeze(jestGlobals[name]);
Object.freeze(test.skip);
Object.freeze(describe.skip);

// The Jest API is not a global: learner code could otherwise call `expect.extend` or `test` whenever a
// test file touches a learner value while it loads (a getter that is a bound `expect.extend` runs with no
// learner frame on the stack, so no caller check can catch it). Test files get the API as module
// bindings: the host adds `import { describe, test, expect, ... } from '@jest/globals'` to each test file,
// and the '@jest/globals' module, evaluated before the learner's module, takes this object and deletes it.
// The global names stay defined (undefined, read-only) so learner code cannot plant look-alikes.
Object.defineProperty(global, '__questlineTestApi', {
  value: Object.freeze({ ...jestGlobals }),
  writable: false,
  enumerable: false,
  configurable: true,
});
const fixedGlobals: Record<string, unknown> = { ...timerGlobals, console: output.createConsole() };
for (const name of Object.keys(jestGlobals)) fixedGlobals[name] = undefined;
for (const name of Object.keys(fixedGlobals)) {
  Object.defineProperty(global, name, { value: fixedGlobals[name], writable: false, enumerable: false, configurable: false });
}

// --- control channel (host only) ---
// One host callback per finished test (~20 µs each). Batching fast tests into one call was tried and
// dropped: when a later test then hangs or blows the memory limit, the isolate is gone before the
// batch is sent, and the host can no longer tell which test was running (it relies on these events).
function progress(index: number, total: number, result: unknown): void {
  try {
    report(stringify({ batch: [{ index, total, test: result }] }));
  } catch {
    // The host callback is fire-and-forget; losing a progress event only loses live streaming.
  }
}

/** Set when the runner itself failed (a harness bug): the next `step` turns it into a sandbox error. */
let runnerCrash: string | null = null;

function finalJson(): string {
  const results = runner ? runner.results : [];
  const limitTestName = runner?.limitTestName;
  return stringify({ tests: results, ...(limitTestName ? { limit: { kind: 'time', testName: limitTestName } } : {}) });
}

const commands: Record<string, (argument: string) => string> = {
  configure(argument) {
    const { visibleFiles, maxOutputChars, bail } = JSON.parse(argument) as HarnessConfig;
    config.visibleFiles = visibleFiles.map(String);
    config.bail = bail === true;
    output.maxTotalChars = Number(maxOutputChars);
    return '';
  },
  openFile(argument) {
    const { fileName, hidden } = JSON.parse(argument) as { fileName: string; hidden: boolean };
    registry.openFile(fileName, hidden);
    return '';
  },
  closeFile() {
    registry.closeFile();
    return '';
  },
  start() {
    runner = new Runner(registry, output, expectState, config.visibleFiles, progress, config.bail);
    report(
      stringify({
        registered: runner.results.map((r) => r.name),
        ids: runner.results.map((r) => r.id),
        hidden: runner.results.map((r) => r.hidden),
      }),
    );
    const currentRunner = runner;
    currentRunner.run().catch((error: unknown) => {
      // Only a harness bug lands here; report it as a failure of the running test rather than hang.
      currentRunner.limitTestName = null;
      currentRunner.finished = true;
      runnerCrash = describeError(error, []).message;
    });
    return '';
  },
  /** Advances the run: '' while it goes on, the results JSON when it is over. */
  step() {
    if (!runner) return finalJson();
    if (runnerCrash !== null) throw new Error(`Harness failure: ${runnerCrash}`);
    if (runner.finished) return finalJson();
    if (timers.pending > 0) {
      try {
        timers.fireNext();
      } catch (error) {
        // An error thrown by a timer callback fails the test that is running, as in Jest.
        if (runner.isWaiting) runner.failWaiting(error);
      }
      return '';
    }
    runner.abortNeverSettling();
    return '';
  },
  /** Results so far, after the host stopped the run (time limit): the running test is named. */
  snapshot() {
    const name = runner?.currentTest?.fullName;
    return stringify({ tests: runner ? runner.results : [], ...(name ? { limit: { kind: 'time', testName: name } } : {}) });
  },
};

global.__questlineControl = (command: string, argument: string) => {
  const handler = commands[command];
  if (!handler) throw new Error(`unknown harness command ${command}`);
  return handler(argument);
};

installStackTraceHook();
// `expect.extend` (allowed only while a test file loads) adds properties to expect and expect.not.
lockdown(global, [jestExpect, jestExpect.not]);
