// How a mutant reads to the author of the tests: the line before and after, and one sentence
// ("your tests still pass when line 4 says `x <= y` instead of `x < y`").
import type { MutantView } from '@questline/contracts';
import type { Mutant } from './generate';

const MAX_SNIPPET = 80;

/** The solution with one mutant applied. */
export function applyMutant(code: string, mutant: Pick<Mutant, 'start' | 'end' | 'replacement'>): string {
  return code.slice(0, mutant.start) + mutant.replacement + code.slice(mutant.end);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SNIPPET ? `${flat.slice(0, MAX_SNIPPET - 1)}…` : flat;
}

function lineAround(code: string, start: number, end: number): string {
  const from = code.lastIndexOf('\n', start - 1) + 1;
  const newline = code.indexOf('\n', end);
  return code.slice(from, newline === -1 ? code.length : newline);
}

/** The view of a mutant in its solution (for reports and JSON). */
export function viewMutant(code: string, mutant: Mutant): MutantView {
  const lineStart = code.lastIndexOf('\n', mutant.start - 1) + 1;
  const before = lineAround(code, mutant.start, mutant.end);
  const after = before.slice(0, mutant.start - lineStart) + mutant.replacement + before.slice(mutant.end - lineStart);
  return {
    id: mutant.id,
    operator: mutant.operator,
    line: mutant.line,
    column: mutant.column,
    original: oneLine(code.slice(mutant.start, mutant.end)),
    replacement: oneLine(mutant.replacement === ';' ? '(removed)' : mutant.replacement),
    before: oneLine(before),
    after: oneLine(after),
  };
}

/** One sentence for a surviving mutant. */
export function explainSurvivor(view: MutantView): string {
  if (view.operator === 'statement') return `your tests still pass when line ${view.line} no longer runs \`${view.original}\``;
  return `your tests still pass when line ${view.line} says \`${view.replacement}\` instead of \`${view.original}\``;
}

/** The survivor as a two-line diff, for a terminal. */
export function survivorDiff(view: MutantView): string[] {
  const gutter = String(view.line);
  return [`${gutter} - ${view.before}`, `${' '.repeat(gutter.length)} + ${view.after}`];
}
