// The publish check's mutation scores (docs/authoring.md#mutation-testing): how strong a pack's tests are,
// shown on the upload report. They never refuse a pack. Scoring has a sandbox-time budget of its own (the
// check's), and exercises it does not reach stay unscored, so a big pack cannot hold a worker for long.
import type { ExerciseMutationReport, PublishMutationSummary } from '@questline/contracts';
import { gradeSource, type LoadedPack } from '@questline/exercise-format';
import { mutateExercise } from '@questline/mutation';
import type { GradeLimits, Grader } from '@questline/sandbox';
import { CheckCancelled, type VerifyControl } from './pack-verify';

/**
 * Mutants graded per exercise on publish at most: a 64 KB solution could yield thousands. Larger
 * exercises are reported unscored (`pack test --mutate` has no cap).
 */
export const MAX_PUBLISH_MUTANTS = 300;

class BudgetSpent extends Error {}

export async function scorePack(
  pack: LoadedPack,
  defaults: GradeLimits,
  grader: Grader,
  control: Pick<VerifyControl, 'budgetMs' | 'cancelled'>,
): Promise<PublishMutationSummary> {
  const exercises: ExerciseMutationReport[] = [];
  let spent = 0;
  for (const chapter of pack.chapters) {
    for (const { exercise } of chapter.exercises) {
      if (control.cancelled()) throw new CheckCancelled();
      if (spent >= control.budgetMs) break;
      try {
        exercises.push(
          await mutateExercise(
            {
              name: `${chapter.slug}/${exercise.manifest.slug}`,
              source: gradeSource(exercise),
              solution: exercise.solution.code,
              equivalent: exercise.manifest.mutation?.equivalent,
              defaults,
              maxMutants: MAX_PUBLISH_MUTANTS,
            },
            async (request) => {
              if (control.cancelled()) throw new CheckCancelled();
              if (spent >= control.budgetMs) throw new BudgetSpent();
              const started = performance.now();
              const result = await grader.grade(request);
              spent += performance.now() - started;
              return result;
            },
          ),
        );
      } catch (error) {
        if (error instanceof BudgetSpent) break;
        throw error;
      }
    }
  }
  const scores = exercises.map((r) => r.score).filter((s): s is number => s !== null);
  return { exercises, lowestScore: scores.length > 0 ? Math.min(...scores) : null };
}
