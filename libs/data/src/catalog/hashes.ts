// Hashes that decide what an import rewrites and when a learner's pass was against older tests.
import { createHash } from 'node:crypto';
import type { LoadedExercise, LoadedPack } from '@questline/exercise-format';

/** JSON with object keys sorted, so a hash does not depend on key order in YAML. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');

/**
 * What a pass is measured against: the test files plus the language and file name they import.
 * Title, hints, XP or README edits do not change it, so they never mark a learner's pass as stale.
 */
export function testsHash(exercise: LoadedExercise): string {
  const { language, fileName } = exercise.manifest;
  const tests = [...exercise.visibleTests, ...exercise.hiddenTests].map(({ fileName: f, code, hidden }) => ({ f, code, hidden }));
  return sha256({ language, fileName, tests });
}

/** Everything an import writes: if this is unchanged, the import is a no-op. */
export function packContentHash(pack: LoadedPack): string {
  return sha256({
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
