// The grading contract shared by the sandbox, the worker, the CLI and the pack tools.
// Result shape: a superset of Exercism's results.json v3.
import type { SourceDiagnostic, TypecheckOptions } from '@questline/contracts';

/** `sql`: the learner's file is SQL run in the exercise's sandbox database; its tests are still JavaScript. */
export type Language = 'javascript' | 'typescript' | 'sql';

export interface SourceFile {
  /** e.g. `two-fer.js`; tests import it as `./two-fer`. */
  fileName: string;
  code: string;
}

export interface TestFile extends SourceFile {
  /** Hidden tests run on Submit only; their names, code and messages can be masked for learners. */
  hidden: boolean;
}

export interface GradeLimits {
  /** CPU/wall budget for the whole run inside the isolate (default 2000, max 10000). */
  timeMs: number;
  /** Isolate heap limit (default 64, platform max 256). */
  memoryMb: number;
}

export interface GradeRequest {
  language: Language;
  solution: SourceFile;
  /**
   * Files the exercise provides beside the learner's (`./lib`, `./errors`): the solution and the tests
   * import or require them; the learner sees them read-only. ES modules or CommonJS, like the solution.
   */
  supportFiles?: SourceFile[];
  /** In order: visible test files first, then hidden ones. */
  tests: TestFile[];
  limits?: Partial<GradeLimits>;
  /**
   * TypeScript only: the exercise's or pack's compiler switches (strict by default), or `false` to grade
   * without type checking. Absent: checked with the defaults.
   */
  typecheck?: TypecheckOptions | false;
  /**
   * The exercise's database (required for `sql`, optional for JavaScript that queries one): each grading
   * gets a scratch schema in the sandbox PostgreSQL with this setup (DDL and seed data) applied, and the
   * tests get the `db` handle (docs/sql.md).
   */
  database?: ExerciseDatabase;
  /**
   * Stop at the first test that does not pass; the rest stay "Not run". For callers that only need to
   * know whether every test passes (mutation testing): a failing test's message is the costly part.
   */
  bail?: boolean;
}

export interface ExerciseDatabase {
  /** SQL run as the learner's role in a fresh, empty schema before the tests (schema.sql). */
  setup: string;
}

// The result shapes learners see are declared once in the contracts library.
import type { LimitHit, TestResult, Verdict } from '@questline/contracts';
export type { LimitHit, LimitKind, TestResult, TestStatus, Verdict } from '@questline/contracts';

export interface GradeResult {
  status: 'pass' | 'fail' | 'error';
  verdict: Verdict;
  message?: string;
  /** In file order. */
  tests: TestResult[];
  durationMs: number;
  /** Set when a limit ended the run: which one, and which test was running. */
  limit?: LimitHit;
  /** `compile_error` only: the type errors (at most 50), in the order TypeScript reports them. */
  diagnostics?: SourceDiagnostic[];
}

/** One per test, as it completes (drives the live `submission.test` event). */
export interface TestProgress {
  index: number;
  total: number;
  test: TestResult;
}

export interface GradeHooks {
  onTest?: (progress: TestProgress) => void;
}
