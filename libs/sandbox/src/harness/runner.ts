// Runs the registered tests in file order, one at a time: beforeAll/afterAll per block,
// beforeEach/afterEach inherited from outer blocks, async tests and `done` callbacks, expect.assertions
// checks. Every user call is raced against an abort signal the host can pull (through `step`) when no
// timer is left that could ever settle it.

import type { Block, Registry, TestCase, UserFunction } from './registry';
import type { OutputCapture } from './output';
import { describeError } from './errors';

/** Taken when the harness loads, before any learner code: tests may replace `Date.now` (lockdown.ts). */
const now = Date.now;

export interface HarnessTestResult {
  name: string;
  /** The declared identity (registry.ts). */
  id: string;
  status: 'pass' | 'fail' | 'error';
  message?: string;
  output?: string;
  testCode?: string;
  durationMs: number;
  hidden: boolean;
  /** A failed `expectRows`: the expected and received tables (checked by the host: validate.ts). */
  rows?: unknown;
}

export interface ExpectState {
  reset(testName: string, hidden: boolean): void;
  /** An error message when expect.assertions / expect.hasAssertions was not satisfied. */
  check(): string | null;
}

/** Thrown into a waiting test when nothing can ever settle it. */
const NEVER_SETTLES = Symbol('never settles');
/** Ends the run after the first failing test when bailing (no afterAll hooks run: nothing is reported after it). */
const BAIL = Symbol('bail');

export class Runner {
  readonly results: HarnessTestResult[];
  currentTest: TestCase | null = null;
  limitTestName: string | null = null;
  finished = false;
  private abortWaiting: ((reason: unknown) => void) | null = null;

  constructor(
    private readonly registry: Registry,
    private readonly output: OutputCapture,
    private readonly expectState: ExpectState,
    private readonly visibleFiles: readonly string[],
    private readonly onTestDone: (index: number, total: number, result: HarnessTestResult) => void,
    /** Stop at the first test that does not pass: the rest keep their "Not run" result. */
    private readonly bail = false,
  ) {
    this.results = registry.tests.map((test) => ({
      name: test.fullName,
      id: test.id,
      status: 'error',
      message: 'Not run',
      testCode: test.code,
      durationMs: 0,
      hidden: test.hidden,
    }));
  }

  /** Something is awaiting a user promise: abort it (no timer can ever settle it). */
  get isWaiting(): boolean {
    return this.abortWaiting !== null;
  }

  abortNeverSettling(): void {
    this.abortWaiting?.(NEVER_SETTLES);
  }

  /** A timer callback threw while a test was waiting: that test fails with the error. */
  failWaiting(error: unknown): void {
    this.abortWaiting?.(error);
  }

  private callUser(fn: UserFunction, usesDone: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.abortWaiting = reject;
      try {
        if (usesDone) {
          const done = (error?: unknown) => (error === undefined || error === null ? resolve() : reject(error));
          done.fail = (error?: unknown) => reject(error ?? new Error('done.fail() was called'));
          fn(done);
          return;
        }
        const returned = fn();
        if (
          returned !== null &&
          (typeof returned === 'object' || typeof returned === 'function') &&
          typeof (returned as PromiseLike<unknown>).then === 'function'
        ) {
          (returned as PromiseLike<unknown>).then(() => resolve(), reject);
        } else {
          resolve();
        }
      } catch (error) {
        reject(error);
      }
    }).finally(() => {
      this.abortWaiting = null;
    });
  }

  private static testsUnder(block: Block): TestCase[] {
    const found: TestCase[] = [];
    for (const child of block.children) {
      if (child.kind === 'test') found.push(child);
      else found.push(...Runner.testsUnder(child));
    }
    return found;
  }

  async run(): Promise<void> {
    try {
      for (const root of this.registry.roots) await this.runBlock(root);
    } catch (error) {
      if (error !== NEVER_SETTLES && error !== BAIL) throw error;
    } finally {
      this.currentTest = null;
      this.output.setCurrentTest(-1);
      this.finished = true;
    }
  }

  private async runBlock(block: Block): Promise<void> {
    const tests = Runner.testsUnder(block);
    if (tests.length === 0) return;
    for (const hook of block.hooks.beforeAll) {
      const failure = await this.guarded(hook, false, tests[0]!);
      if (failure !== null) {
        for (const test of tests) this.finishTest(test, { status: 'fail', message: `beforeAll hook failed:\n${failure.message}` }, 0);
        return;
      }
    }
    for (const child of block.children) {
      if (child.kind === 'test') await this.runTest(child);
      else await this.runBlock(child);
    }
    for (const hook of block.hooks.afterAll) await this.guarded(hook, false, tests[tests.length - 1]!);
  }

  /** Runs one user function; returns the failure, or null. A never-settling wait ends the whole run. */
  private async guarded(fn: UserFunction, usesDone: boolean, test: TestCase) {
    this.currentTest = test;
    try {
      await this.callUser(fn, usesDone);
      return null;
    } catch (error) {
      if (error === NEVER_SETTLES) {
        this.limitTestName = test.fullName;
        this.finishTest(
          test,
          {
            status: 'error',
            message:
              'Time limit: this test waited on something that can never finish (a promise that never settles, or a done callback never called).',
          },
          0,
        );
        throw NEVER_SETTLES;
      }
      return describeError(error, this.visibleFiles);
    }
  }

  private async runTest(test: TestCase): Promise<void> {
    const started = now();
    this.output.setCurrentTest(test.index);
    this.expectState.reset(test.fullName, test.hidden);
    const chain: Block[] = [];
    for (let b: Block | null = test.block; b; b = b.parent) chain.unshift(b);
    let failure: { message: string; isAssertion: boolean; rows?: unknown } | null = null;
    for (const block of chain) {
      for (const hook of block.hooks.beforeEach) {
        failure ??= await this.guarded(hook, false, test);
      }
    }
    if (failure === null) failure = await this.guarded(test.fn, test.usesDone, test);
    for (const block of chain.reverse()) {
      for (const hook of block.hooks.afterEach) {
        const afterFailure = await this.guarded(hook, false, test);
        failure ??= afterFailure;
      }
    }
    const assertionProblem = failure === null ? this.expectState.check() : null;
    const durationMs = now() - started;
    if (failure !== null) {
      this.finishTest(
        test,
        {
          status: failure.isAssertion ? 'fail' : 'error',
          message: failure.message,
          ...(failure.rows !== undefined ? { rows: failure.rows } : {}),
        },
        durationMs,
      );
    } else if (assertionProblem !== null) {
      this.finishTest(test, { status: 'fail', message: assertionProblem }, durationMs);
    } else {
      this.finishTest(test, { status: 'pass' }, durationMs);
    }
  }

  private finishTest(
    test: TestCase,
    outcome: { status: HarnessTestResult['status']; message?: string; rows?: unknown },
    durationMs: number,
  ): void {
    const result: HarnessTestResult = {
      name: test.fullName,
      id: test.id,
      status: outcome.status,
      testCode: test.code,
      durationMs,
      hidden: test.hidden,
    };
    if (outcome.message !== undefined) result.message = outcome.message;
    if (outcome.rows !== undefined) result.rows = outcome.rows;
    const output = this.output.outputFor(test.index);
    if (output !== undefined) result.output = output;
    this.results[test.index] = result;
    this.output.setCurrentTest(-1);
    this.onTestDone(test.index, this.results.length, result);
    if (this.bail && result.status !== 'pass') throw BAIL;
  }
}
