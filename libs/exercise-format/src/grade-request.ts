// From a loaded exercise to what the sandbox grades, and a content hash for versioning.
import type { GradeLimits, GradeRequest } from '@questline/sandbox';
import { canonicalHash } from './canonical-hash';
import type { LoadedExercise } from './types';

export interface ToGradeRequestOptions {
  /** Add the hidden tests (Submit); Run uses the visible ones only. */
  includeHidden?: boolean;
}

/** The request the server would send for `code`: visible tests first, then hidden ones when asked. */
export function toGradeRequest(exercise: LoadedExercise, code: string, options: ToGradeRequestOptions = {}): GradeRequest {
  const { manifest } = exercise;
  const limits: Partial<GradeLimits> = {};
  if (manifest.limits?.timeMs !== undefined) limits.timeMs = manifest.limits.timeMs;
  if (manifest.limits?.memoryMb !== undefined) limits.memoryMb = manifest.limits.memoryMb;
  return {
    language: manifest.language,
    solution: { fileName: manifest.fileName, code },
    tests: [...exercise.visibleTests, ...(options.includeHidden ? exercise.hiddenTests : [])].map((test) => ({ ...test })),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
  };
}

/**
 * sha256 (hex) of what decides a grade and what a learner is scored on: the manifest and every test
 * file. README, starter and solution edits do not change it, so they do not invalidate past grades.
 */
export function contentHash(exercise: LoadedExercise): string {
  const tests = [...exercise.visibleTests, ...exercise.hiddenTests].map(({ fileName, code, hidden }) => ({ fileName, code, hidden }));
  return canonicalHash({ manifest: exercise.manifest, tests });
}
