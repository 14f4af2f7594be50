// On-disk exercise and pack format (see README "Authoring a pack").
import type { TypecheckOptions } from '@questline/contracts';
import type { ExerciseDatabase, Language, SourceFile, TestFile } from '@questline/sandbox';

export interface ExerciseLimits {
  timeMs?: number;
  memoryMb?: number;
}

/** `exercise.yaml` */
export interface ExerciseManifest {
  slug: string;
  title: string;
  language: Language;
  difficulty: 1 | 2 | 3 | 4 | 5;
  xp: number;
  /** The learner's file name, e.g. `two-fer.js`; tests import `./two-fer`. */
  fileName: string;
  hints: string[];
  limits?: ExerciseLimits;
  /** When true, learners see hidden tests' names and messages (never their code). Default false. */
  revealHiddenTestNames?: boolean;
  /**
   * TypeScript: compiler switches over the platform's strict defaults, or `false` to grade without type
   * checking. Once loaded in a pack, the pack's `typecheck` is merged in (the exercise's wins).
   */
  typecheck?: TypecheckOptions | false;
  /** `pack test --mutate`: mutants (by id, as the report prints them) that behave exactly like the solution, each with why. */
  mutation?: { equivalent: Array<{ mutant: string; reason: string }> };
  /**
   * `refactor`: the starter already passes every test and the learner's task is to improve it without
   * breaking one (`pack test` then requires the starter to pass). Default `implement`.
   */
  kind?: ExerciseKind;
}

export type ExerciseKind = 'implement' | 'refactor';

export interface LoadedExercise {
  dir: string;
  manifest: ExerciseManifest;
  /** README.md */
  instructions: string;
  starter: SourceFile;
  solution: SourceFile;
  visibleTests: TestFile[];
  hiddenTests: TestFile[];
  /** `wrong/*`: known-wrong solutions that must fail. fileName is the file's own name in wrong/. */
  wrong: SourceFile[];
  /** `schema.sql` (required for `sql`, optional otherwise): each grading's database starts from it (docs/sql.md). */
  database?: ExerciseDatabase;
  /** `support/*`: files the exercise provides beside the learner's (imported as `./name`, read-only for learners). */
  support: SourceFile[];
}

/** A prerequisite: the chapter (all its exercises) or the exercise must be solved first. */
export interface Requirements {
  chapters?: string[];
  exercises?: string[];
}

/** `pack.yaml` XP rule overrides (see libs/gamification for defaults). */
export interface PackXpRules {
  firstTryBonusPercent?: number;
  hintCostPercent?: number;
  hintPenaltyCapPercent?: number;
  solutionRevealForfeits?: boolean;
}

export interface PackChapterManifest {
  slug: string;
  title: string;
  requires?: Requirements;
  /** Exercise folder names under `<pack>/<chapter-slug>/`, in order; or objects with their own prerequisites. */
  exercises: Array<string | { slug: string; requires?: Requirements }>;
}

/** `pack.yaml` */
export interface PackManifest {
  slug: string;
  title: string;
  description: string;
  /** semver */
  version: string;
  authors: string[];
  languages: Language[];
  /** Type checking for every TypeScript exercise of the pack (an exercise's own `typecheck` wins). */
  typecheck?: TypecheckOptions | false;
  xp?: PackXpRules;
  chapters: PackChapterManifest[];
}

export interface LoadedChapter {
  slug: string;
  title: string;
  requires: Requirements;
  exercises: Array<{ exercise: LoadedExercise; requires: Requirements }>;
}

export interface LoadedPack {
  dir: string;
  manifest: PackManifest;
  chapters: LoadedChapter[];
}

/** One problem found while loading: which file, which field, what is wrong. */
export interface FormatIssue {
  file: string;
  field?: string;
  message: string;
}
