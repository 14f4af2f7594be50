// What a learner sees of a submission: the stored result with hidden tests masked (unless the exercise
// reveals their names), never another learner's row (ownership is in every query that loads one).
import type { SubmissionView } from '@questline/contracts';
import type { SubmissionRecord } from '@questline/data';
import { maskHiddenTests } from '@questline/sandbox';

/** What a view is built from: a submission as the repository loads it (with its exercise's reveal flag). */
export type SubmissionViewSource = Pick<
  SubmissionRecord,
  | 'id'
  | 'kind'
  | 'exerciseId'
  | 'exerciseTitle'
  | 'status'
  | 'result'
  | 'xpAwarded'
  | 'code'
  | 'revealHiddenTestNames'
  | 'createdAt'
  | 'completedAt'
>;

export function toSubmissionView(row: SubmissionViewSource): SubmissionView {
  const view: SubmissionView = {
    id: row.id,
    kind: row.kind,
    exerciseId: row.exerciseId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  };
  if (row.exerciseTitle !== undefined) view.exerciseTitle = row.exerciseTitle;
  if (row.code !== undefined) view.code = row.code;
  if (row.status === 'completed' && row.result) {
    const masked = maskHiddenTests(row.result, { revealNames: row.revealHiddenTestNames });
    view.verdict = masked.verdict;
    view.tests = masked.tests;
    if (masked.message !== undefined) view.message = masked.message;
    if (masked.limit !== undefined) view.limit = masked.limit;
    if (row.kind === 'submit') view.xpAwarded = row.xpAwarded ?? 0;
  }
  return view;
}
