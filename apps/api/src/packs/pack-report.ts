// The 422 report for a refused pack: one entry per problem, naming the exercise (null for the pack
// itself or the archive), the file and field when known.
import type { PackReportEntry } from '@questline/contracts';
import type { FormatIssue } from '@questline/exercise-format';

export type { PackReportEntry };

/** `basics/two-fer/exercise.yaml` → exercise "two-fer"; `pack.yaml` → null. */
export function reportFromIssue(issue: FormatIssue): PackReportEntry {
  const parts = issue.file.split('/').filter(Boolean);
  const exercise = parts.length >= 2 ? parts[1] : null;
  return { exercise, file: issue.file, ...(issue.field ? { field: issue.field } : {}), message: issue.message };
}
