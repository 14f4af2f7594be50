// The declared name of a test, read from the pack's own test source at the test's declared identity
// (TestResult.id: `<file>:<line>:<column>` of its `test()` call, assigned by the harness). What a pack's
// owner sees in statistics comes from here, never from the runtime name: a test file may build that from a
// learner's values (`test(\`greets ${robot.name}\`)`), and another learner's data must not reach the owner.

export interface DeclaredTestId {
  file: string;
  line: number;
  column: number;
}

const MAX_TITLE_CHARS = 120;

/** `two-fer.test.js:12:3` or `two-fer.test.js:12:3#2` → its parts; null when it is not an id. */
export function parseDeclaredTestId(id: string): DeclaredTestId | null {
  const match = /^(.+):(\d+):(\d+)(?:#\d+)?$/.exec(id);
  if (!match) return null;
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]) };
}

function offsetOf(source: string, line: number, column: number): number | null {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return null;
    offset = next + 1;
  }
  const position = offset + Math.max(0, column - 1);
  return position <= source.length ? position : null;
}

/** Skips a balanced `( ... )` starting at `start` (which must be `(`); returns the index after it, or -1. */
function skipParens(source: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < source.length && i < start + 20_000; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The source text of a string or template literal at `start`, or null. */
function literalAt(source: string, start: number): string | null {
  const quote = source[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  for (let i = start + 1; i < source.length && i < start + 2000; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === quote) return source.slice(start + 1, i);
    else if (ch === '\n' && quote !== '`') return null;
  }
  return null;
}

/**
 * The title a `test()` / `it()` / `test.each(...)()` call at that position declares, as written in the
 * source (a template's `${...}` stays source text); null when it is not a literal there.
 */
export function declaredTitleAt(source: string, line: number, column: number): string | null {
  let i = offsetOf(source, line, column);
  if (i === null) return null;
  // The callee: `test`, `it.only`, `test.each` (V8 may point at its start or at a later part).
  const callee = /^[\w$.\s]*/.exec(source.slice(i, i + 200))![0];
  i += callee.length;
  if (/\beach\s*$/.test(callee)) {
    if (source[i] === '(') i = skipParens(source, i);
    else if (source[i] === '`') {
      const table = literalAt(source, i);
      i = table === null ? -1 : i + table.length + 2;
    }
    if (i < 0) return null;
    while (/\s/.test(source[i] ?? '')) i++;
  }
  if (source[i] !== '(') return null;
  i++;
  while (/\s/.test(source[i] ?? '')) i++;
  const title = literalAt(source, i);
  if (title === null) return null;
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TITLE_CHARS ? `${flat.slice(0, MAX_TITLE_CHARS)}…` : flat;
}

/** What statistics show for a declared test: `file:line title` from the pack's test files, or `file:line`. */
export function declaredTestLabel(id: string, testFiles: ReadonlyArray<{ fileName: string; code: string }>): string {
  const parsed = parseDeclaredTestId(id);
  if (!parsed) return 'unknown test';
  const file = testFiles.find((f) => f.fileName === parsed.file);
  const title = file ? declaredTitleAt(file.code, parsed.line, parsed.column) : null;
  const where = `${parsed.file}:${parsed.line}`;
  return title === null ? where : `${where} ${JSON.stringify(title)}`;
}
