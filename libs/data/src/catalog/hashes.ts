// Hashes that decide what an import rewrites and when a learner's pass was against older tests.
import { canonicalHash, type LoadedExercise, type LoadedPack } from '@questline/exercise-format';

/**
 * What a pass is measured against: the test files plus the language and file name they import.
 * Title, hints, XP or README edits do not change it, so they never mark a learner's pass as stale.
 */
export function testsHash(exercise: LoadedExercise): string {
  const { language, fileName, typecheck } = exercise.manifest;
  const tests = [...exercise.visibleTests, ...exercise.hiddenTests].map(({ fileName: f, code, hidden }) => ({ f, code, hidden }));
  // Type-check settings and support files decide a grade too; each left out when unset, so existing hashes stay as they were.
  const support = exercise.support.map(({ fileName: f, code }) => ({ f, code }));
  return canonicalHash({
    language,
    fileName,
    tests,
    ...(typecheck !== undefined ? { typecheck } : {}),
    ...(support.length > 0 ? { support } : {}),
  });
}

/** Everything an import writes: if this is unchanged, the import is a no-op. */
export function packContentHash(pack: LoadedPack): string {
  return canonicalHash({
    manifest: pack.manifest,
    exercises: pack.chapters.flatMap((chapter) =>
      chapter.exercises.map(({ exercise, requires }) => ({
        chapter: chapter.slug,
        requires,
        manifest: exercise.manifest,
        instructions: exercise.instructions,
        starter: exercise.starter,
        solution: exercise.solution,
        tests: testsHash(exercise),
      })),
    ),
  });
}
