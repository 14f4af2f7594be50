// Mutation testing of a pack's tests: what `questline pack test --mutate --json` prints and what the
// publish check returns to the web upload report. The generator and scoring live in libs/mutation.

/** The kinds of change made to a reference solution (docs/authoring.md#mutation-testing lists examples). */
export type MutationOperator =
  | 'arithmetic'
  | 'comparison'
  | 'boundary'
  | 'logical'
  | 'condition'
  | 'negation'
  | 'update'
  | 'assignment'
  | 'statement'
  | 'method'
  | 'number'
  | 'string'
  | 'boolean'
  | 'array'
  | 'return'
  | 'optional-chaining';

/** One change to the reference solution, as shown to its author. */
export interface MutantView {
  /** Stable within one version of the solution: `<line>:<column> <operator>` (how exercise.yaml names it). */
  id: string;
  operator: MutationOperator;
  /** 1-based position of the change in the solution file. */
  line: number;
  column: number;
  /** The source text replaced, and what replaced it (both shortened to one line for display). */
  original: string;
  replacement: string;
  /** The whole line before and after the change. */
  before: string;
  after: string;
}

export type MutantStatus = 'killed' | 'survived' | 'timeout' | 'equivalent' | 'error';

/** One exercise's mutation result. */
export interface ExerciseMutationReport {
  /** Path of the exercise folder relative to the tested folder (CLI) or `<chapter>/<slug>` (publish check). */
  exercise: string;
  mutants: number;
  killed: number;
  survived: number;
  /** Ended by the time or memory limit: counted as killed, as in Stryker. */
  timeout: number;
  /** Marked equivalent in exercise.yaml with a reason: left out of the score. */
  equivalent: number;
  /** The grader failed (not the tests): left out of the score and listed in `problems`. */
  errors: number;
  /** Killed (timeouts included) / (mutants − equivalent − errors), as a percentage with one decimal; null when nothing was scored. */
  score: number | null;
  survivors: MutantView[];
  /** e.g. an exercise.yaml entry that names no mutant any more. */
  problems: string[];
}

/** A whole run: `questline pack test --mutate --json`. */
export interface MutationRunReport {
  exercises: ExerciseMutationReport[];
  mutants: number;
  killed: number;
  survived: number;
  /** The lowest exercise score (null when no exercise was scored). */
  lowestScore: number | null;
  /** `--min-score`, when given. */
  minScore: number | null;
  /** Every exercise scored at least minScore (always true without one). */
  ok: boolean;
  durationMs: number;
  /** Mutants graded per second of wall clock. */
  mutantsPerSecond: number;
}

/** What a successful publish (POST /api/packs) says about the pack's tests; the web upload report shows it. */
export interface PublishMutationSummary {
  /** One per exercise, `exercise` being `<chapter>/<slug>`. */
  exercises: ExerciseMutationReport[];
  lowestScore: number | null;
}

/** `questline pack test --json`: the usual checks per exercise, and the mutation run with `--mutate`. */
export interface PackTestReport {
  passed: number;
  failed: number;
  exercises: Array<{ name: string; ok: boolean; problems: string[] }>;
  mutation?: MutationRunReport;
}
