// Proving an uploaded pack works before anyone sees it: with the real grader, every reference
// solution must pass all its tests (visible + hidden), and every starter and wrong/ solution must
// fail (tests that a blank file passes would hand out XP for nothing). The whole check has one budget
// of sandbox time, so `wrong/` files that loop for their full time limit cannot hold a worker for long.
import type { PackReportEntry } from '@questline/contracts';
import { gradeSource, type LoadedPack } from '@questline/exercise-format';
import { buildGradeRequest, type GradeLimits, type GradeResult, type Grader } from '@questline/sandbox';

export interface VerifyControl {
  /** Sandbox time (ms) for the whole pack. */
  budgetMs: number;
  /** Polled before each grading: true stops the check. */
  cancelled(): boolean;
  /** After each grading, with the number done so far. */
  onGraded?(graded: number): void;
}

export class CheckCancelled extends Error {}

function failures(result: GradeResult): string {
  const failed = result.tests.filter((t) => t.status !== 'pass');
  if (failed.length === 0) return result.message ?? result.verdict;
  return failed
    .slice(0, 5)
    .map((t) => `"${t.name}"${t.message ? `: ${t.message.split('\n')[0]}` : ''}`)
    .join('; ');
}

interface Grading {
  exercise: string;
  file: string;
  kind: 'solution' | 'starter' | 'wrong';
  request: ReturnType<typeof buildGradeRequest>;
}

function plan(pack: LoadedPack, defaults: GradeLimits): Grading[] {
  const gradings: Grading[] = [];
  for (const chapter of pack.chapters) {
    for (const { exercise } of chapter.exercises) {
      const slug = exercise.manifest.slug;
      const source = gradeSource(exercise);
      const add = (kind: Grading['kind'], folder: string, fileName: string, code: string) =>
        gradings.push({
          exercise: slug,
          file: `${chapter.slug}/${slug}/${folder}/${fileName}`,
          kind,
          request: buildGradeRequest(source, code, { includeHidden: true, defaults }),
        });
      add('solution', 'solution', exercise.solution.fileName, exercise.solution.code);
      add('starter', 'starter', exercise.starter.fileName, exercise.starter.code);
      for (const wrong of exercise.wrong) add('wrong', 'wrong', wrong.fileName, wrong.code);
    }
  }
  return gradings;
}

/**
 * Every grading problem in the pack; empty when it may be published. `defaults` are the limits of an
 * exercise that sets none: pass the worker's (gradeLimitDefaults(config)), so a pack is verified as learners
 * will be graded. Throws CheckCancelled when `control.cancelled()` turns true.
 */
export async function verifyPack(
  pack: LoadedPack,
  defaults: GradeLimits,
  grader: Grader,
  control: VerifyControl,
): Promise<PackReportEntry[]> {
  const report: PackReportEntry[] = [];
  const gradings = plan(pack, defaults);
  let spent = 0;
  for (const [index, grading] of gradings.entries()) {
    if (control.cancelled()) throw new CheckCancelled();
    const remaining = control.budgetMs - spent;
    if (remaining <= 0) {
      report.push({
        exercise: grading.exercise,
        message: `the publish check used its whole budget of ${control.budgetMs / 1000} s of sandbox time after ${index} of ${gradings.length} gradings; make slow solutions (often wrong/ ones that loop until their time limit) faster`,
      });
      break;
    }
    const full = grading.request.limits.timeMs;
    const timeMs = Math.min(full, remaining);
    const started = performance.now();
    const result = await grader.grade({ ...grading.request, limits: { ...grading.request.limits, timeMs } });
    spent += performance.now() - started;
    if (control.cancelled()) throw new CheckCancelled();
    control.onGraded?.(index + 1);
    const cutShort = result.verdict === 'time_limit' && timeMs < full;
    if (grading.kind === 'solution' && result.status !== 'pass') {
      report.push({
        exercise: grading.exercise,
        file: grading.file,
        message: cutShort
          ? `the publish check's budget of ${control.budgetMs / 1000} s of sandbox time ran out while grading the reference solution`
          : `the reference solution must pass every test but got ${result.verdict}: ${failures(result)}`,
      });
    } else if (grading.kind === 'starter' && result.status === 'pass') {
      report.push({
        exercise: grading.exercise,
        file: grading.file,
        message: 'the starter passes every test: the tests must fail until the learner writes code',
      });
    } else if (grading.kind === 'wrong' && result.status === 'pass') {
      report.push({
        exercise: grading.exercise,
        file: grading.file,
        message: 'this known-wrong solution passes every test: add a test that catches it',
      });
    }
  }
  return report;
}
