// Type checking of TypeScript exercises (docs/sandbox.md, "Type checking"): the options an exercise or
// pack sets, and the diagnostics a `compile_error` grading carries to the results page and the editor.

/** The verdict of a TypeScript grading whose files do not type-check (no test is run). */
export const COMPILE_ERROR_VERDICT = 'compile_error';

/**
 * Compiler options an exercise (`exercise.yaml` `typecheck:`) or a pack (`pack.yaml` `typecheck:`) may set.
 * Only switches that change what is an error; module, target and lib are the platform's. `strict`
 * defaults to true. `typecheck: false` instead of an object turns checking off.
 */
export interface TypecheckOptions {
  strict?: boolean;
  noImplicitAny?: boolean;
  strictNullChecks?: boolean;
  strictFunctionTypes?: boolean;
  noImplicitReturns?: boolean;
  noImplicitOverride?: boolean;
  noUnusedLocals?: boolean;
  noUnusedParameters?: boolean;
  noFallthroughCasesInSwitch?: boolean;
  noUncheckedIndexedAccess?: boolean;
  exactOptionalPropertyTypes?: boolean;
  useUnknownInCatchVariables?: boolean;
}

/** Every key of TypecheckOptions, for validating manifests and requests. */
export const TYPECHECK_OPTION_NAMES = [
  'strict',
  'noImplicitAny',
  'strictNullChecks',
  'strictFunctionTypes',
  'noImplicitReturns',
  'noImplicitOverride',
  'noUnusedLocals',
  'noUnusedParameters',
  'noFallthroughCasesInSwitch',
  'noUncheckedIndexedAccess',
  'exactOptionalPropertyTypes',
  'useUnknownInCatchVariables',
] as const satisfies readonly (keyof TypecheckOptions)[];

/** One TypeScript error, positioned in a graded file. Lines and columns count from 1 (CodeMirror's lint maps them). */
export interface SourceDiagnostic {
  /** The file as graded: the learner's file or a test file's name. Hidden test files are masked to `hidden test`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** TypeScript's error code (2322 for "Type 'string' is not assignable to type 'number'"). */
  code: number;
  message: string;
  /** The diagnostic is in a hidden test file (its position and message are masked for learners). */
  hidden?: boolean;
  /** Set when the error is inside a `test()`/`it()` of a test file: a type-level test that failed. */
  testName?: string;
}
