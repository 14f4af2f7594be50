// Type-check diagnostics on their way out: the compile_error result, the parent's re-check of what a
// child sent, and what a learner may see of a diagnostic in a hidden test file.
import type { SourceDiagnostic } from '@questline/contracts';
import type { GradeResult } from '../types';

/** At most this many diagnostics are reported (tsc prints them all, but nobody reads the 51st). */
export const MAX_DIAGNOSTICS = 50;
const MAX_TEXT = 2000;
const MAX_NAME = 1000;

/** What a learner sees of a type error in a hidden test: that there is one, not where or what. */
export const HIDDEN_DIAGNOSTIC_MESSAGE = 'A hidden test does not type-check against your code: check the types of what you export.';

function where(diagnostic: SourceDiagnostic): string {
  if (diagnostic.hidden) return 'a hidden test';
  return diagnostic.file === '' ? '' : `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
}

/** The summary line: the first error, and how many there are. */
function summary(diagnostics: readonly SourceDiagnostic[], total: number): string {
  const first = diagnostics[0];
  const count = `${total} type error${total === 1 ? '' : 's'}`;
  if (!first) return count;
  const text = first.hidden ? HIDDEN_DIAGNOSTIC_MESSAGE : first.message.split('\n')[0];
  const place = where(first);
  return `${count}. ${place ? `${place} ` : ''}TS${first.code}: ${text}`;
}

export function compileErrorResult(diagnostics: SourceDiagnostic[], total = diagnostics.length): GradeResult {
  return { status: 'error', verdict: 'compile_error', message: summary(diagnostics, total), tests: [], durationMs: 0, diagnostics };
}

export function maskHiddenDiagnostics(diagnostics: readonly SourceDiagnostic[]): SourceDiagnostic[] {
  return diagnostics.map((diagnostic) =>
    diagnostic.hidden
      ? {
          file: 'hidden test',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          code: diagnostic.code,
          message: HIDDEN_DIAGNOSTIC_MESSAGE,
          hidden: true,
        }
      : diagnostic,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function position(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : 1;
}

/** The parent re-checks what a child sends, field by field, into fresh objects. */
export function parseDiagnostics(value: unknown): SourceDiagnostic[] {
  if (!Array.isArray(value)) throw new Error('diagnostics is not a list');
  return value.slice(0, MAX_DIAGNOSTICS).map((item): SourceDiagnostic => {
    if (!isObject(item) || typeof item.file !== 'string' || typeof item.message !== 'string' || !Number.isInteger(item.code)) {
      throw new Error('bad diagnostic');
    }
    const diagnostic: SourceDiagnostic = {
      file: item.file.slice(0, MAX_NAME),
      line: position(item.line),
      column: position(item.column),
      endLine: position(item.endLine),
      endColumn: position(item.endColumn),
      code: item.code as number,
      message: item.message.slice(0, MAX_TEXT),
    };
    if (item.hidden === true) diagnostic.hidden = true;
    if (typeof item.testName === 'string') diagnostic.testName = item.testName.slice(0, MAX_NAME);
    return diagnostic;
  });
}
