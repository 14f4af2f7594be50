// Turning zod and YAML errors into FormatIssues that name the file and the field, and the error
// type that carries them.
import type { z } from 'zod';
import type { FormatIssue } from './types';

export class ExerciseFormatError extends Error {
  constructor(readonly issues: FormatIssue[]) {
    super(
      issues.length === 1
        ? formatIssue(issues[0])
        : `${issues.length} problems:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`,
    );
    this.name = 'ExerciseFormatError';
  }
}

/** `basics/two-fer/exercise.yaml: difficulty: must be an integer from 1 to 5` */
export function formatIssue(issue: FormatIssue): string {
  return issue.field ? `${issue.file}: ${issue.field}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

/** `['chapters', 0, 'exercises', 2]` -> `chapters[0].exercises[2]` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

type ZodIssue = z.core.$ZodIssue;

function flatten(issue: ZodIssue, prefix: ReadonlyArray<PropertyKey>): Array<{ path: PropertyKey[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field (check the spelling)' }));
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A union member that got past the type check is the one the author meant: report its problems.
    const meant = issue.errors.find((errors) => errors.length > 0 && errors.every((e) => e.code !== 'invalid_type'));
    if (meant) return meant.flatMap((inner) => flatten(inner, path));
    return [{ path, message: 'must be a folder name or an object with a slug' }];
  }
  return [{ path, message: issue.message }];
}

export function zodIssues(file: string, error: z.ZodError): FormatIssue[] {
  return error.issues
    .flatMap((issue) => flatten(issue, []))
    .map(({ path, message }) => (path.length > 0 ? { file, field: fieldPath(path), message } : { file, message }));
}
