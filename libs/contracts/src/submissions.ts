// Submissions as a learner sees them: the HTTP answers of the Run/Submit routes and the graded result
// (also what the grading engine produces, before hidden tests are masked).
import type { SourceDiagnostic } from './diagnostics';

import type { XpBreakdown } from './goals';
import type { SqlRowsComparison } from './sql';

export type SubmissionKind = 'run' | 'submit';
export type SubmissionStatus = 'queued' | 'running' | 'completed';

export type TestStatus = 'pass' | 'fail' | 'error';
export type Verdict = 'passed' | 'failed' | 'error' | 'compile_error' | 'time_limit' | 'memory_limit' | 'sandbox_error';
export type LimitKind = 'time' | 'memory' | 'output';

/** Which limit ended a run, and which test was running. */
export interface LimitHit {
  kind: LimitKind;
  testName?: string;
}

export interface TestResult {
  /** `describe > test`, as Jest prints it. */
  name: string;
  /**
   * The test's declared identity, `<test file>:<line>:<column>` of its `test()` call (`#n` for later tests
   * declared at the same site). Assigned by the harness from the declaration, so learner values cannot
   * change it (a test file may build `name` from them); statistics group by it. Absent on masked hidden tests.
   */
  id?: string;
  status: TestStatus;
  /** Expected vs received, with stack frames only from the learner's own file. */
  message?: string;
  /** A failed `expectRows` (SQL exercises): the expected and received tables, for the web to render. */
  rows?: SqlRowsComparison;
  /** What the learner printed during this test, capped at 500 chars with a truncation note. */
  output?: string;
  /** Source of the test body (absent for hidden tests once masked). */
  testCode?: string;
  durationMs: number;
  /** True when the test came from a hidden test file. */
  hidden?: boolean;
}

/** 202 answer of POST /api/exercises/:id/runs and /submissions. */
export interface SubmissionAccepted {
  id: string;
  status: SubmissionStatus;
  kind: SubmissionKind;
}

/** GET /api/submissions/:id and the items of the submission lists. Hidden tests are masked. */
export interface SubmissionView {
  id: string;
  kind: SubmissionKind;
  exerciseId: string;
  /** Only in the cross-exercise list (GET /api/me/submissions). */
  exerciseTitle?: string;
  status: SubmissionStatus;
  verdict?: Verdict;
  tests?: TestResult[];
  message?: string;
  limit?: LimitHit;
  /** `compile_error`: the type errors (diagnostics.ts), hidden test files masked. */
  diagnostics?: SourceDiagnostic[];
  /** Submits only, once completed. */
  xpAwarded?: number;
  /** Submits that earned XP: how it was made up. */
  xpBreakdown?: XpBreakdown;
  /** The learner's own code (in the lists). */
  code?: string;
  createdAt: string;
  completedAt: string | null;
}

/** A page of a list route: `{items, page, total}`. */
export interface Page<T> {
  items: T[];
  page: number;
  total: number;
}
