// The one way to build what the sandbox grades from an exercise and a learner's code. The worker (every
// Run and Submit), `questline grade`, `questline pack test` and the api's publish check all call it, so
// "passes locally" means the same tests, in the same order, under the same limits as for learners.
import { SANDBOX_DEFAULTS } from './limits';
import type { TypecheckOptions } from '@questline/contracts';
import type { ExerciseDatabase, GradeLimits, GradeRequest, Language, SourceFile, TestFile } from './types';

/** What building a request reads from an exercise (the worker's GradingExercise and a loaded pack exercise both fit). */
export interface GradeRequestSource {
  language: Language;
  /** The learner's file name: the code is graded under it whatever the file on disk is called. */
  fileName: string;
  visibleTests: readonly TestFile[];
  hiddenTests: readonly TestFile[];
  /** Files the exercise provides beside the learner's (see GradeRequest.supportFiles). */
  supportFiles?: readonly SourceFile[];
  /** The exercise's own limits; the defaults fill in the rest. */
  limits?: Partial<GradeLimits>;
  /** TypeScript type checking: the exercise's switches, or false (see GradeRequest.typecheck). */
  typecheck?: TypecheckOptions | false;
  /** The exercise's schema.sql, for an exercise with a database. */
  database?: ExerciseDatabase;
}

export interface BuildGradeRequestOptions {
  /** Add the hidden tests after the visible ones (Submit); a Run grades the visible ones only. */
  includeHidden?: boolean;
  /**
   * The limits of an exercise that sets none: the platform's (DEFAULT_GRADE_LIMITS) unless the operator
   * changed them (SANDBOX_TIME_LIMIT_MS / SANDBOX_MEMORY_LIMIT_MB, read by gradeLimitDefaults in
   * @questline/config).
   */
  defaults?: GradeLimits;
}

/** A request with every limit spelled out (the grader still clamps them to the platform maxima). */
export type BuiltGradeRequest = GradeRequest & { limits: GradeLimits };

/** The platform's default limits per grading: the one source of these numbers. */
export const DEFAULT_GRADE_LIMITS: Readonly<GradeLimits> = { timeMs: SANDBOX_DEFAULTS.timeMs, memoryMb: SANDBOX_DEFAULTS.memoryMb };

export function buildGradeRequest(exercise: GradeRequestSource, code: string, options: BuildGradeRequestOptions = {}): BuiltGradeRequest {
  const defaults = options.defaults ?? DEFAULT_GRADE_LIMITS;
  // Copies, with `hidden` set here: which tests are hidden decides what a learner may see of them.
  const visible = exercise.visibleTests.map((t): TestFile => ({ fileName: t.fileName, code: t.code, hidden: false }));
  const hidden = options.includeHidden
    ? exercise.hiddenTests.map((t): TestFile => ({ fileName: t.fileName, code: t.code, hidden: true }))
    : [];
  const request: BuiltGradeRequest = {
    language: exercise.language,
    solution: { fileName: exercise.fileName, code },
    ...(exercise.supportFiles?.length ? { supportFiles: exercise.supportFiles.map((f) => ({ fileName: f.fileName, code: f.code })) } : {}),
    tests: [...visible, ...hidden],
    limits: {
      timeMs: exercise.limits?.timeMs ?? defaults.timeMs,
      memoryMb: exercise.limits?.memoryMb ?? defaults.memoryMb,
    },
    ...(exercise.database ? { database: { setup: exercise.database.setup } } : {}),
  };
  if (exercise.typecheck !== undefined) request.typecheck = exercise.typecheck === false ? false : { ...exercise.typecheck };
  return request;
}
