// Exercise packs: the publish answer, the 422 report of a refused pack, an instructor's packs and their stats.

/** 201 answer of POST /api/packs. */
export interface PublishedPack {
  slug: string;
  version: string;
  exerciseCount: number;
}

/** One problem of a refused pack (the 422 body's `report`). */
export interface PackReportEntry {
  /** The exercise slug; null for pack-level and archive problems. */
  exercise: string | null;
  file?: string;
  field?: string;
  message: string;
}

/** GET /api/packs/mine items. */
export interface PackSummary {
  slug: string;
  title: string;
  version: string;
}

/** Per-exercise analytics over graded Submits (definitions in docs/packs.md). */
export interface ExerciseStats {
  slug: string;
  title: string;
  learnersTried: number;
  attempts: number;
  /** null when nobody tried. */
  passRate: number | null;
  firstTryPassRate: number | null;
  medianAttemptsToPass: number | null;
  medianTimeToPassMs: number | null;
  hintReveals: number;
  solutionReveals: number;
  mostFailedTests: Array<{ name: string; failures: number }>;
}

/** GET /api/packs/:slug/stats. */
export interface PackStats {
  slug: string;
  version: string;
  exercises: ExerciseStats[];
}
