// Prerequisites → status. Pure, so the rules are tested without a database.
//
// Rules (also in docs/packs.md):
// - A chapter is 'solved' when every one of its (current) exercises is solved; otherwise 'locked'
//   while its `requires` are unmet; otherwise 'available'.
// - A requirement is met when every required chapter is fully solved and every required exercise
//   is solved.
// - An exercise is 'solved' once completed (even if a new version added a prerequisite since);
//   otherwise 'locked' when its chapter is locked or its own `requires` are unmet; else 'available'.
import type { CatalogStatus } from '@questline/contracts';
import type { CatalogRequirements } from '@questline/data';

export interface UnlockChapter {
  id: string;
  slug: string;
  title: string;
  requires: CatalogRequirements;
}

export interface UnlockExercise {
  id: string;
  slug: string;
  title: string;
  chapterId: string | null;
  requires: CatalogRequirements;
}

export interface CourseStatuses {
  chapters: Map<string, CatalogStatus>;
  exercises: Map<string, CatalogStatus>;
  /** For each locked exercise, what to solve first, e.g. `chapter "Basics"`, `"Two Fer"`. */
  blockers: Map<string, string[]>;
  /** For each locked chapter, what to solve first (same wording). */
  chapterBlockers: Map<string, string[]>;
  /**
   * For each locked exercise, the exercise to open to work towards unlocking it: the first unsolved one
   * it waits for that is itself available (else the first unsolved one it waits for).
   */
  unlockAt: Map<string, string>;
}

export function computeStatuses(chapters: UnlockChapter[], exercises: UnlockExercise[], solved: ReadonlySet<string>): CourseStatuses {
  const bySlug = new Map(exercises.map((e) => [e.slug, e]));
  const chapterBySlug = new Map(chapters.map((c) => [c.slug, c]));
  const inChapter = new Map<string, UnlockExercise[]>();
  for (const exercise of exercises) {
    if (exercise.chapterId) inChapter.set(exercise.chapterId, [...(inChapter.get(exercise.chapterId) ?? []), exercise]);
  }
  const chapterSolved = (chapter: UnlockChapter) => {
    const list = inChapter.get(chapter.id) ?? [];
    return list.length > 0 && list.every((e) => solved.has(e.id));
  };
  const unmet = (requires: CatalogRequirements): string[] => {
    const missing: string[] = [];
    for (const slug of requires.chapters ?? []) {
      const chapter = chapterBySlug.get(slug);
      // A requirement on something no longer in the course cannot be met by anyone: ignore it.
      if (chapter && !chapterSolved(chapter)) missing.push(`chapter "${chapter.title}"`);
    }
    for (const slug of requires.exercises ?? []) {
      const exercise = bySlug.get(slug);
      if (exercise && !solved.has(exercise.id)) missing.push(`"${exercise.title}"`);
    }
    return missing;
  };

  /** The unsolved exercises a requirement waits for, in course order. */
  const waitingFor = (requires: CatalogRequirements): string[] => {
    const ids: string[] = [];
    for (const slug of requires.chapters ?? []) {
      const chapter = chapterBySlug.get(slug);
      if (chapter) for (const e of inChapter.get(chapter.id) ?? []) if (!solved.has(e.id)) ids.push(e.id);
    }
    for (const slug of requires.exercises ?? []) {
      const exercise = bySlug.get(slug);
      if (exercise && !solved.has(exercise.id)) ids.push(exercise.id);
    }
    return ids;
  };

  const result: CourseStatuses = {
    chapters: new Map(),
    exercises: new Map(),
    blockers: new Map(),
    chapterBlockers: new Map(),
    unlockAt: new Map(),
  };
  const chapterBlockers = new Map<string, string[]>();
  for (const chapter of chapters) {
    const missing = unmet(chapter.requires);
    chapterBlockers.set(chapter.id, missing);
    const status = chapterSolved(chapter) ? 'solved' : missing.length > 0 ? 'locked' : 'available';
    result.chapters.set(chapter.id, status);
    if (status === 'locked') result.chapterBlockers.set(chapter.id, missing);
  }
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const waits = new Map<string, string[]>();
  for (const exercise of exercises) {
    if (solved.has(exercise.id)) {
      result.exercises.set(exercise.id, 'solved');
      continue;
    }
    const missing = [...(exercise.chapterId ? (chapterBlockers.get(exercise.chapterId) ?? []) : []), ...unmet(exercise.requires)];
    if (missing.length > 0) {
      result.exercises.set(exercise.id, 'locked');
      result.blockers.set(exercise.id, [...new Set(missing)]);
      const chapter = exercise.chapterId ? chapterById.get(exercise.chapterId) : undefined;
      waits.set(exercise.id, [...(chapter ? waitingFor(chapter.requires) : []), ...waitingFor(exercise.requires)]);
    } else {
      result.exercises.set(exercise.id, 'available');
    }
  }
  // Statuses are all known now: prefer a prerequisite the learner can open right away.
  for (const [id, ids] of waits) {
    const target = ids.find((x) => result.exercises.get(x) === 'available') ?? ids[0];
    if (target) result.unlockAt.set(id, target);
  }
  return result;
}
