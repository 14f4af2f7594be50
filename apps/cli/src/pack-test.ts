// `questline pack test`: prove every exercise under a folder is gradeable and its tests have teeth.
// The reference solution must pass every test (visible + hidden); the starter and each wrong/
// solution must fail. One grader pool serves the whole run; exercises are graded in parallel.
// With `mutate`, the tests are mutation-tested too (pack-mutate.ts).
import path from 'node:path';
import type { ExerciseMutationReport, MutationRunReport, PackTestReport } from '@questline/contracts';
import { loadGradeLimitDefaults } from '@questline/config';
import { checkExercise, findExerciseDirs, formatIssue, gradeSource } from '@questline/exercise-format';
import type { LoadedExercise } from '@questline/exercise-format';
import { buildGradeRequest, type GradeLimits, type GradeResult } from '@questline/sandbox';
import { defaultGraderFactory, limiter, type Grader, type GraderFactory } from './grader';
import { paint, type Output } from './output';
import { formatScore, meetsMinScore, mutateLoadedExercise, mutationLines, summarizeMutation, summaryLine } from './pack-mutate';

export interface PackTestOptions {
  out: Output;
  createGrader?: GraderFactory;
  /** Isolates graded at once (default 2: the platform's machines are small). */
  poolSize?: number;
  /** Limits for an exercise that sets none (default: as the server reads them, see loadGradeLimitDefaults). */
  defaultLimits?: GradeLimits;
  /** Mutation-test every exercise that passes the checks. */
  mutate?: boolean;
  /** With `mutate`: an exercise scoring below this percentage fails. */
  minScore?: number;
}

export interface ExerciseTestResult {
  /** Path shown to the author, relative to the tested folder. */
  name: string;
  ok: boolean;
  /** Why it failed, one line each; empty when ok. */
  problems: string[];
  /** With `mutate`, for an exercise that passed the checks. */
  mutation?: ExerciseMutationReport;
}

export interface PackTestSummary {
  passed: number;
  failed: number;
  exercises: ExerciseTestResult[];
  /** With `mutate`. */
  mutation?: MutationRunReport;
}

export async function runPackTest(dir: string, options: PackTestOptions): Promise<PackTestSummary> {
  const { out } = options;
  const root = path.resolve(dir);
  const dirs = findExerciseDirs(root);
  const summary: PackTestSummary = { passed: 0, failed: 0, exercises: [] };
  if (dirs.length === 0) {
    out.error(`No exercises (folders with an exercise.yaml) found under ${dir}`);
    out.log('0 passed, 0 failed');
    return summary;
  }

  const defaultLimits = options.defaultLimits ?? loadGradeLimitDefaults();
  const poolSize = options.poolSize ?? 2;
  const grader = (options.createGrader ?? defaultGraderFactory)({ poolSize });
  const slot = limiter(poolSize);
  const grade: Grader['grade'] = (request) => slot(() => grader.grade(request));
  const width = String(dirs.length).length;
  let done = 0;
  const started = performance.now();
  const mutationReports: ExerciseMutationReport[] = [];

  const testOne = async (exerciseDir: string): Promise<void> => {
    const name = path.relative(root, exerciseDir).split(path.sep).join('/') || path.basename(exerciseDir);
    // Issue paths relative to the tested folder's parent read well for a pack root and a sub-folder.
    const checked = checkExercise(exerciseDir, { base: path.dirname(root) });
    const problems = checked.exercise ? await gradeChecks(checked.exercise, grade, defaultLimits) : checked.issues.map(formatIssue);
    let mutation: ExerciseMutationReport | undefined;
    if (options.mutate && checked.exercise && problems.length === 0) {
      // Mutants go straight to the grader's own queue: more in flight than children keeps every child busy.
      mutation = await mutateLoadedExercise(name, checked.exercise, (request) => grader.grade(request), defaultLimits);
      mutationReports.push(mutation);
      if (!meetsMinScore(mutation, options.minScore)) {
        problems.push(`mutation score ${formatScore(mutation.score)} is below --min-score ${options.minScore}`);
      }
    }
    const result: ExerciseTestResult = { name, ok: problems.length === 0, problems, ...(mutation ? { mutation } : {}) };
    summary.exercises.push(result);
    if (result.ok) summary.passed += 1;
    else summary.failed += 1;
    done += 1;
    const prefix = paint(out, 'dim', `[${String(done).padStart(width)}/${dirs.length}]`);
    const mark = result.ok ? paint(out, 'green', '✓') : paint(out, 'red', '✗');
    out.log(`${prefix} ${mark} ${name}`);
    for (const problem of problems) out.log(`      ${problem}`);
    if (mutation) for (const line of mutationLines(out, mutation, options)) out.log(line);
  };

  try {
    const exerciseSlot = limiter(poolSize);
    await Promise.all(dirs.map((exerciseDir) => exerciseSlot(() => testOne(exerciseDir))));
  } finally {
    await grader.close();
  }
  summary.exercises.sort((a, b) => a.name.localeCompare(b.name));
  if (options.mutate) {
    summary.mutation = summarizeMutation(mutationReports, options, performance.now() - started);
    out.log(summaryLine(out, summary.mutation));
  }
  out.log(`${summary.passed} passed, ${summary.failed} failed`);
  return summary;
}

/** What `--json` prints: each exercise's mutation result appears once, in `mutation.exercises`. */
export function packTestReport(summary: PackTestSummary): PackTestReport {
  return {
    passed: summary.passed,
    failed: summary.failed,
    exercises: summary.exercises.map(({ name, ok, problems }) => ({ name, ok, problems })),
    ...(summary.mutation ? { mutation: summary.mutation } : {}),
  };
}

/** Grades solution, starter and wrong/ files; returns what is wrong with the exercise. */
async function gradeChecks(exercise: LoadedExercise, grade: Grader['grade'], defaults: GradeLimits): Promise<string[]> {
  const source = gradeSource(exercise);
  const run = async (code: string): Promise<GradeResult | Error> => {
    try {
      return await grade(buildGradeRequest(source, code, { includeHidden: true, defaults }));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  const [solution, starter, ...wrong] = await Promise.all([
    run(exercise.solution.code),
    run(exercise.starter.code),
    ...exercise.wrong.map((file) => run(file.code)),
  ]);

  const problems: string[] = [];
  if (solution instanceof Error || solution.status !== 'pass' || solution.tests.length === 0) {
    problems.push(`solution/${exercise.manifest.fileName} should pass every test but ${why(solution)}`);
  }
  // A refactoring exercise starts from working code: its starter must pass, like the solution.
  const refactor = exercise.manifest.kind === 'refactor';
  if (refactor && (starter instanceof Error || starter.status !== 'pass' || starter.tests.length === 0)) {
    problems.push(`starter/${exercise.manifest.fileName} should pass every test (kind: refactor) but ${why(starter)}`);
  }
  const mustFail = [
    ...(refactor
      ? []
      : [
          {
            label: `starter/${exercise.manifest.fileName}`,
            result: starter,
            hint: 'the tests check too little, or the starter is a solution',
          },
        ]),
    ...exercise.wrong.map((file, i) => ({
      label: `wrong/${file.fileName}`,
      result: wrong[i],
      hint: 'add a test that catches this mistake',
    })),
  ];
  for (const { label, result, hint } of mustFail) {
    if (result instanceof Error || result.verdict === 'sandbox_error') problems.push(`${label} could not be graded: ${why(result)}`);
    else if (result.status === 'pass')
      problems.push(
        `${label} should fail but passes every test (${hint}${label.startsWith('starter/') ? '; a refactoring exercise says kind: refactor' : ''})`,
      );
  }
  return problems;
}

function why(result: GradeResult | Error): string {
  if (result instanceof Error) return `grading threw: ${result.message}`;
  if (result.verdict === 'sandbox_error') return `the sandbox failed: ${firstLine(result.message)}`;
  if (result.limit) {
    const during = result.limit.testName ? ` in "${result.limit.testName}"` : '';
    return `hit the ${result.limit.kind} limit${during}`;
  }
  const failing = result.tests.find((t) => t.status !== 'pass');
  if (failing) return `"${failing.name}" ${failing.status === 'error' ? 'errored' : 'failed'}: ${firstLine(failing.message)}`;
  if (result.tests.length === 0) return `no tests ran${result.message ? `: ${firstLine(result.message)}` : ''}`;
  return `got ${result.verdict}${result.message ? `: ${firstLine(result.message)}` : ''}`;
}

function firstLine(text: string | undefined): string {
  const line = (text ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line.trim();
}
