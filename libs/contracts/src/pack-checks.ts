// The publish check of an uploaded pack (issue 12): what POST /api/packs answers with 202 and what
// GET /api/packs/checks/:id returns while the workers grade the pack.
import type { PackReportEntry, PublishedPack } from './packs';

/** queued → running → published | refused | cancelled | failed (the last four are final). */
export type PackCheckStatus = 'queued' | 'running' | 'published' | 'refused' | 'cancelled' | 'failed';

/**
 * The publish check of an uploaded pack, as its owner follows it: POST /api/packs answers 202 with this
 * when the check has not finished within PACK_PUBLISH_WAIT_MS, and GET /api/packs/checks/:id returns it.
 */
export interface PackCheckView {
  id: string;
  slug: string;
  version: string;
  status: PackCheckStatus;
  /** Gradings done and planned (reference, starter and wrong/ solutions of every exercise). */
  progress: { graded: number; gradings: number };
  budgetMs: number;
  /** refused: every problem. */
  report?: PackReportEntry[];
  /** published: what was published. */
  result?: PublishedPack;
  /** refused by ownership or version (FORBIDDEN, PACK_VERSION_CONFLICT), failed, cancelled: why. */
  code?: string;
  message?: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
