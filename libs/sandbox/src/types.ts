// The grading contract shared by the sandbox, the worker, the CLI and the pack tools.
// Result shape: a superset of Exercism's results.json v3.

export type Language = 'javascript' | 'typescript';

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
  /** In order: visible test files first, then hidden ones. */
  tests: TestFile[];
  limits?: Partial<GradeLimits>;
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
