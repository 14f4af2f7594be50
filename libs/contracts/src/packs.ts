// Exercise packs: the publish answer, the 422 report of a refused pack, an instructor's packs and their stats.
import type { PublishMutationSummary } from './mutation';

/** 201 answer of POST /api/packs. */
export interface PublishedPack {
  slug: string;
  version: string;
  exerciseCount: number;
  /** How strong the pack's tests are (mutation testing, docs/authoring.md#mutation-testing). */
  mutation?: PublishMutationSummary;
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
  /**
   * Grouped by the test's declared identity (`id`, TestResult.id); `name` is `file:line "declared title"`
   * read from the pack's test source, never the runtime name (which learner values may build).
   */
  mostFailedTests: Array<{ id: string; name: string; failures: number }>;
}

/** GET /api/packs/:slug/stats. */
export interface PackStats {
  slug: string;
  version: string;
  exercises: ExerciseStats[];
}
