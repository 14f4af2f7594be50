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

  const result: CourseStatuses = { chapters: new Map(), exercises: new Map(), blockers: new Map() };
  const chapterBlockers = new Map<string, string[]>();
  for (const chapter of chapters) {
    const missing = unmet(chapter.requires);
    chapterBlockers.set(chapter.id, missing);
    result.chapters.set(chapter.id, chapterSolved(chapter) ? 'solved' : missing.length > 0 ? 'locked' : 'available');
  }
  for (const exercise of exercises) {
    if (solved.has(exercise.id)) {
      result.exercises.set(exercise.id, 'solved');
      continue;
    }
    const missing = [...(exercise.chapterId ? (chapterBlockers.get(exercise.chapterId) ?? []) : []), ...unmet(exercise.requires)];
    if (missing.length > 0) {
      result.exercises.set(exercise.id, 'locked');
      result.blockers.set(exercise.id, [...new Set(missing)]);
    } else {
      result.exercises.set(exercise.id, 'available');
    }
  }
  return result;
}
