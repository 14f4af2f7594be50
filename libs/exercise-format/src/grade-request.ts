// From a loaded exercise to what buildGradeRequest (@questline/sandbox) reads, and a content hash for versioning.
import type { GradeRequestSource } from '@questline/sandbox';
import { canonicalHash } from './canonical-hash';
import type { LoadedExercise, LoadedPack } from './types';

/** The exercise as buildGradeRequest reads it: grade it with `buildGradeRequest(gradeSource(exercise), code, …)`. */
export function gradeSource(exercise: LoadedExercise): GradeRequestSource {
  const { manifest } = exercise;
  return {
    language: manifest.language,
    fileName: manifest.fileName,
    visibleTests: exercise.visibleTests,
    hiddenTests: exercise.hiddenTests,
    ...(exercise.support.length > 0 ? { supportFiles: exercise.support } : {}),
    ...(manifest.limits ? { limits: manifest.limits } : {}),
    ...(manifest.typecheck !== undefined ? { typecheck: manifest.typecheck } : {}),
    ...(exercise.database ? { database: exercise.database } : {}),
  };
}

/**
 * sha256 (hex) of what decides a grade and what a learner is scored on: the manifest and every test
 * file. README, starter and solution edits do not change it, so they do not invalidate past grades.
 */
export function contentHash(exercise: LoadedExercise): string {
  // Which mutants are equivalent is about the tests' quality, not about how a learner is graded.
  const manifest: Partial<LoadedExercise['manifest']> = { ...exercise.manifest };
  delete manifest.mutation;
  const tests = [...exercise.visibleTests, ...exercise.hiddenTests].map(({ fileName, code, hidden }) => ({ fileName, code, hidden }));
  // The database and support files are part of what is graded; each left out when absent so older exercises keep their hash.
  const support = exercise.support.map(({ fileName, code }) => ({ fileName, code }));
  return canonicalHash({
    manifest,
    tests,
    ...(exercise.database ? { database: exercise.database.setup } : {}),
    ...(support.length > 0 ? { support } : {}),
  });
}

/** Gradings a pack's publish check runs: each exercise's reference solution, starter and wrong/ files. */
export function publishCheckGradings(pack: LoadedPack): number {
  return pack.chapters.reduce((n, chapter) => n + chapter.exercises.reduce((m, { exercise }) => m + 2 + exercise.wrong.length, 0), 0);
}
