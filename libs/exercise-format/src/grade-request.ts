// From a loaded exercise to what the sandbox grades, and a content hash for versioning.
import { createHash } from 'node:crypto';
import type { GradeLimits, GradeRequest } from '@questline/sandbox';
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

/** JSON with object keys sorted, so the hash does not depend on key order in exercise.yaml. */
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

/**
 * sha256 (hex) of what decides a grade and what a learner is scored on: the manifest and every test
 * file. README, starter and solution edits do not change it, so they do not invalidate past grades.
 */
export function contentHash(exercise: LoadedExercise): string {
  const tests = [...exercise.visibleTests, ...exercise.hiddenTests].map(({ fileName, code, hidden }) => ({ fileName, code, hidden }));
  return createHash('sha256').update(canonical({ manifest: exercise.manifest, tests })).digest('hex');
}
