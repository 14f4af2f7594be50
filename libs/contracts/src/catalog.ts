// Courses and exercises as a learner sees them (never hidden tests, the solution or wrong/ files).
import type { ExerciseKind, SupportFileView } from './exercise-files';
import type { SqlSchemaTable } from './sql';

export type CatalogStatus = 'locked' | 'available' | 'solved';
export type ExerciseLanguage = 'javascript' | 'typescript' | 'sql';

/** GET /api/courses items. */
export interface CourseSummary {
  slug: string;
  title: string;
  /** In the course list: a summary (at most 200 characters, COURSE_SUMMARY_CHARS); on the course page: the full description. */
  description: string;
  version: string;
  exerciseCount: number;
  solvedCount: number;
}

export interface ExerciseSummary {
  id: string;
  slug: string;
  title: string;
  difficulty: number;
  xp: number;
  status: CatalogStatus;
  /** Locked exercises only: what to solve first, e.g. `"Two-fer"`, `chapter "Basics"`. */
  lockedBy?: string[];
}

export interface ChapterView {
  slug: string;
  title: string;
  status: CatalogStatus;
  /** Locked chapters only: what to solve first. */
  lockedBy?: string[];
  exercises: ExerciseSummary[];
}

/** GET /api/courses/:slug. */
export interface CourseDetail extends CourseSummary {
  chapters: ChapterView[];
}

/** GET /api/exercises/:id. */
export interface ExerciseView {
  id: string;
  slug: string;
  title: string;
  instructions: string;
  language: ExerciseLanguage;
  fileName: string;
  starterCode: string;
  visibleTests: Array<{ fileName: string; code: string }>;
  kind: ExerciseKind;
  /** Files the exercise provides beside the learner's, read-only (the learner's code imports them). */
  supportFiles: SupportFileView[];
  /** Exercises with a database (schema.sql): its tables and columns, for the schema panel and completion. */
  databaseSchema?: SqlSchemaTable[];
  hintCount: number;
  revealedHints: string[];
  /** XP the next hint costs; null when every hint is revealed. */
  nextHintCost: number | null;
  solutionCost: number;
  solutionRevealed: boolean;
  status: CatalogStatus;
  /** Locked only: what to solve first, and the exercise to open for it (null when none is current). */
  locked?: { requires: string[]; unlockAt: { id: string; title: string } | null };
  solved: boolean;
  /** Solved, but the tests have changed since (a newer pack version). */
  solvedAgainstOlderVersion: boolean;
  xp: number;
  difficulty: number;
  course: { slug: string; title: string };
  chapter: { slug: string; title: string };
  nextId: string | null;
  previousId: string | null;
}

/** POST /api/exercises/:id/hints. */
export interface HintRevealView {
  index: number;
  hint: string;
  cost: number;
  nextHintCost: number | null;
}

/** POST /api/exercises/:id/solution. */
export interface SolutionRevealView {
  code: string;
  forfeitedXp: number;
}
