// The reference for the submission path's one-query check (CatalogService.getSubmissionTarget): the same
// decision built the straightforward way from CatalogService.courseState, with everything grading needs.
// Only tests use it: catalog.spec.ts checks that the two decide exactly alike.
import { resolveXpRules, type XpRules } from '@questline/gamification';
import type { GradeLimits, Language, TestFile } from '@questline/sandbox';
import { type CatalogService, lockedError } from '../../apps/api/src/catalog';

/** Everything the grading pipeline needs. Server-side only: it holds hidden tests. */
export interface GradableExercise {
  id: string;
  slug: string;
  title: string;
  courseId: string;
  courseSlug: string;
  /** The course version a submission is graded against (store it on the submission). */
  courseVersion: string;
  /** Store on the submission and the completion; compare to tell an older pass. */
  testsHash: string;
  language: Language;
  fileName: string;
  xp: number;
  xpRules: XpRules;
  visibleTests: TestFile[];
  hiddenTests: TestFile[];
  limits: Partial<GradeLimits>;
  revealHiddenTestNames: boolean;
  /** The learner already has a completion for it. */
  solved: boolean;
}

/** The exercise with its tests, or DomainError 400 (bad id) / 404 (unknown/removed) / 403 (locked: solve X first). */
export async function getGradableExercise(catalog: CatalogService, userId: string, exerciseId: string): Promise<GradableExercise> {
  const { exercise, state } = await catalog.exerciseState(userId, exerciseId);
  if (state.statuses.exercises.get(exercise.id) === 'locked') throw lockedError(state, exercise.id);
  const limits: Partial<GradeLimits> = {};
  if (exercise.limits.timeMs !== undefined) limits.timeMs = exercise.limits.timeMs;
  if (exercise.limits.memoryMb !== undefined) limits.memoryMb = exercise.limits.memoryMb;
  return {
    id: exercise.id,
    slug: exercise.slug,
    title: exercise.title,
    courseId: state.course.id,
    courseSlug: state.course.slug,
    courseVersion: state.course.currentVersion,
    testsHash: exercise.testsHash,
    language: exercise.language,
    fileName: exercise.fileName,
    xp: exercise.xp,
    xpRules: resolveXpRules(state.course.xpRules),
    visibleTests: exercise.visibleTests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: false })),
    hiddenTests: exercise.hiddenTests.map((t) => ({ fileName: t.fileName, code: t.code, hidden: true })),
    limits,
    revealHiddenTestNames: exercise.revealHiddenTestNames,
    solved: state.completions.has(exercise.id),
  };
}
