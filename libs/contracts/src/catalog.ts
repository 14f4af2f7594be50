// Courses and exercises as a learner sees them (never hidden tests, the solution or wrong/ files).

export type CatalogStatus = 'locked' | 'available' | 'solved';
export type ExerciseLanguage = 'javascript' | 'typescript';

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
}

export interface ChapterView {
  slug: string;
  title: string;
  status: CatalogStatus;
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
  hintCount: number;
  revealedHints: string[];
  /** XP the next hint costs; null when every hint is revealed. */
  nextHintCost: number | null;
  solutionCost: number;
  solutionRevealed: boolean;
  status: CatalogStatus;
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
