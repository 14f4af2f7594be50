// Turning a stored grading into what a learner receives: the worker's first completion and replay, and the
// api relay's reconciliation of a completion whose event was lost (submissions/live-relay.service.ts).
import type {
  AchievementView,
  MotivationUpdatedEvent,
  SubmissionCompletedEvent,
  SubmissionKind,
  SubmitOutcome,
} from '@questline/contracts';
import type { GradeJobResult } from './index';
import { maskHiddenTests, type GradeResult } from '@questline/sandbox';

export interface CompletedRow {
  id: string;
  userId: string;
  exerciseId: string;
  kind: SubmissionKind;
  result: GradeResult;
  outcome: SubmitOutcome | null;
  xpAwarded: number | null;
  /** Quests and gems this Submit moved; null or absent when none. */
  motivation?: MotivationUpdatedEvent | null;
  createdAt: Date;
  completedAt: Date;
}

export function completionResult(row: CompletedRow, revealHiddenTestNames: boolean): GradeJobResult {
  const masked = maskHiddenTests(row.result, { revealNames: revealHiddenTestNames });
  const achievements: AchievementView[] = (row.outcome?.achievements ?? []).map(({ id, title, description, icon }) => ({
    id,
    title,
    description,
    icon,
  }));
  const payload: SubmissionCompletedEvent = {
    submissionId: row.id,
    verdict: masked.verdict,
    tests: masked.tests,
    ...(masked.message !== undefined ? { message: masked.message } : {}),
    ...(masked.limit !== undefined ? { limit: masked.limit } : {}),
    ...(masked.diagnostics !== undefined ? { diagnostics: masked.diagnostics } : {}),
    xpAwarded: row.xpAwarded ?? 0,
    progress: row.outcome ? row.outcome.progress : null,
    achievements,
  };
  return {
    userId: row.userId,
    exerciseId: row.exerciseId,
    kind: row.kind,
    payload,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    // Boss bars are broadcast from the first delivery only (a throttled, idempotent view); the learner's own
    // rewards travel with every replay, because the relay announces whichever completion arrives first.
    ...(row.motivation ? { motivation: { update: row.motivation, bosses: [] } } : {}),
    gradingMs: row.result.durationMs,
    endToEndMs: Math.max(0, row.completedAt.getTime() - row.createdAt.getTime()),
  };
}
