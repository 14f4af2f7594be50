// What a learner sees of a submission: the stored result with hidden tests masked (unless the exercise
// reveals their names), never another learner's row (ownership is in every query that loads one).
import type { SubmitOutcome } from '@questline/data';
import { maskHiddenTests, type GradeResult, type LimitKind, type TestResult, type Verdict } from '@questline/sandbox';

export interface SubmissionView {
  id: string;
  kind: 'run' | 'submit';
  exerciseId: string;
  exerciseTitle?: string;
  status: 'queued' | 'running' | 'completed';
  verdict?: Verdict;
  tests?: TestResult[];
  message?: string;
  limit?: { kind: LimitKind; testName?: string };
  xpAwarded?: number;
  code?: string;
  createdAt: string;
  completedAt: string | null;
}

/** The columns a view is built from (raw SQL rows, snake_case). */
export interface SubmissionViewRow {
  id: string;
  kind: 'run' | 'submit';
  exercise_id: string;
  exercise_title?: string;
  status: 'queued' | 'running' | 'completed';
  result: GradeResult | null;
  outcome?: SubmitOutcome | null;
  xp_awarded: number | null;
  code?: string;
  reveal_hidden_test_names: boolean;
  created_at: Date;
  completed_at: Date | null;
}

export function toSubmissionView(row: SubmissionViewRow): SubmissionView {
  const view: SubmissionView = {
    id: row.id,
    kind: row.kind,
    exerciseId: row.exercise_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
  if (row.exercise_title !== undefined) view.exerciseTitle = row.exercise_title;
  if (row.code !== undefined) view.code = row.code;
  if (row.status === 'completed' && row.result) {
    const masked = maskHiddenTests(row.result, { revealNames: row.reveal_hidden_test_names });
    view.verdict = masked.verdict;
    view.tests = masked.tests;
    if (masked.message !== undefined) view.message = masked.message;
    if (masked.limit !== undefined) view.limit = masked.limit;
    if (row.kind === 'submit') view.xpAwarded = row.xp_awarded ?? 0;
  }
  return view;
}
