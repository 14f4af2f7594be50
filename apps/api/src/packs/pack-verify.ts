// Proving an uploaded pack works before anyone sees it: with the real grader, every reference
// solution must pass all its tests (visible + hidden), and every starter and wrong/ solution must
// fail (tests that a blank file passes would hand out XP for nothing).
import { gradeSource, type LoadedExercise, type LoadedPack } from '@questline/exercise-format';
import { buildGradeRequest, createGrader, type GradeLimits, type GradeResult, type Grader } from '@questline/sandbox';
import type { PackReportEntry } from '@questline/contracts';

export type GraderFactory = () => Grader;

/** Two children at most: publishing shares the api's (small) machine with learners. */
export const defaultGraderFactory: GraderFactory = () => createGrader({ poolSize: 2 });

function failures(result: GradeResult): string {
  const failed = result.tests.filter((t) => t.status !== 'pass');
  if (failed.length === 0) return result.message ?? result.verdict;
  return failed
    .slice(0, 5)
    .map((t) => `"${t.name}"${t.message ? `: ${t.message.split('\n')[0]}` : ''}`)
    .join('; ');
}

async function verifyExercise(
  chapter: string,
  exercise: LoadedExercise,
  grader: Grader,
  defaults: GradeLimits,
): Promise<PackReportEntry[]> {
  const slug = exercise.manifest.slug;
  const at = (folder: string, file: string) => `${chapter}/${slug}/${folder}/${file}`;
  const report: PackReportEntry[] = [];
  const source = gradeSource(exercise);
  const grade = (code: string) => grader.grade(buildGradeRequest(source, code, { includeHidden: true, defaults }));

  const solution = await grade(exercise.solution.code);
  if (solution.status !== 'pass') {
    report.push({
      exercise: slug,
      file: at('solution', exercise.solution.fileName),
      message: `the reference solution must pass every test but got ${solution.verdict}: ${failures(solution)}`,
    });
  }
  const starter = await grade(exercise.starter.code);
  if (starter.status === 'pass') {
    report.push({
      exercise: slug,
      file: at('starter', exercise.starter.fileName),
      message: 'the starter passes every test: the tests must fail until the learner writes code',
    });
  }
  for (const wrong of exercise.wrong) {
    const result = await grade(wrong.code);
    if (result.status === 'pass') {
      report.push({
        exercise: slug,
        file: at('wrong', wrong.fileName),
        message: 'this known-wrong solution passes every test: add a test that catches it',
      });
    }
  }
  return report;
}

/**
 * Every grading problem in the pack; empty when it may be published. `defaults` are the limits of an
 * exercise that sets none: pass the worker's (gradeLimitDefaults(config)), so a pack is verified as learners
 * will be graded.
 */
export async function verifyPack(
  pack: LoadedPack,
  defaults: GradeLimits,
  graderFactory: GraderFactory = defaultGraderFactory,
): Promise<PackReportEntry[]> {
  const grader = graderFactory();
  try {
    // The grader queues jobs itself; exercises run in parallel up to its pool size.
    const reports = await Promise.all(
      pack.chapters.flatMap((chapter) => chapter.exercises.map(({ exercise }) => verifyExercise(chapter.slug, exercise, grader, defaults))),
    );
    return reports.flat();
  } finally {
    await grader.close();
  }
}
