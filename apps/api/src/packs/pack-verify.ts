// Proving an uploaded pack works before anyone sees it: with the real grader, every reference
// solution must pass all its tests (visible + hidden), and every starter and wrong/ solution must
// fail (tests that a blank file passes would hand out XP for nothing).
import { sandboxDatabaseUrl } from '@questline/config';
import type { PublishMutationSummary } from '@questline/contracts';
import { gradeSource, type LoadedExercise, type LoadedPack } from '@questline/exercise-format';
import { mutateExercise } from '@questline/mutation';
import { buildGradeRequest, createGrader, type GradeLimits, type GradeResult, type Grader } from '@questline/sandbox';
import type { PackReportEntry } from '@questline/contracts';

export type GraderFactory = () => Grader;

/** Two children at most: publishing shares the api's (small) machine with learners. */
export const defaultGraderFactory: GraderFactory = () => createGrader({ poolSize: 2, sqlDatabaseUrl: sandboxDatabaseUrl() });

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
): Promise<{ entries: PackReportEntry[]; solution: GradeResult }> {
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
  return { entries: report, solution };
}

/**
 * Mutants graded per exercise on publish at most: the api's machine is shared with learners, and a 64 KB
 * solution could yield thousands. Larger exercises are reported unscored (`pack test --mutate` has no cap).
 */
export const MAX_PUBLISH_MUTANTS = 300;

export interface PackVerification {
  /** Every grading problem; empty when the pack may be published. */
  report: PackReportEntry[];
  /** The tests' mutation scores, when the report is empty (they never refuse a pack). */
  mutation?: PublishMutationSummary;
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
): Promise<PackVerification> {
  const grader = graderFactory();
  try {
    // The grader queues jobs itself; exercises run in parallel up to its pool size.
    const exercises = pack.chapters.flatMap((chapter) => chapter.exercises.map(({ exercise }) => ({ chapter: chapter.slug, exercise })));
    const reports = await Promise.all(exercises.map(({ chapter, exercise }) => verifyExercise(chapter, exercise, grader, defaults)));
    const report = reports.flatMap((r) => r.entries);
    if (report.length > 0) return { report };
    const scored = await Promise.all(
      exercises.map(({ chapter, exercise }, i) =>
        mutateExercise(
          {
            name: `${chapter}/${exercise.manifest.slug}`,
            source: gradeSource(exercise),
            solution: exercise.solution.code,
            equivalent: exercise.manifest.mutation?.equivalent,
            defaults,
            maxMutants: MAX_PUBLISH_MUTANTS,
            reference: reports[i]!.solution,
          },
          (request) => grader.grade(request),
        ),
      ),
    );
    const scores = scored.map((r) => r.score).filter((s): s is number => s !== null);
    return { report, mutation: { exercises: scored, lowestScore: scores.length > 0 ? Math.min(...scores) : null } };
  } finally {
    await grader.close();
  }
}
