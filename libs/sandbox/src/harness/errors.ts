// Turns whatever a test threw into a learner-facing message: Jest's own message for assertion
// failures (expected vs received), `Name: message` otherwise, followed only by the stack frames that
// point into files the learner may see. Thrown values are hostile: every read is guarded.

const MAX_MESSAGE_CHARS = 4000;
const MAX_FRAMES = 8;

export interface DescribedError {
  message: string;
  isAssertion: boolean;
  /** `expectRows` failures (@questline/sql): the tables as plain JSON data; the host checks their shape. */
  rows?: unknown;
}

const MAX_ROWS_JSON = 24_000;

/** A copy made of JSON (no getters, no prototypes survive), or undefined when absent, odd or too big. */
function sqlRows(thrown: unknown): unknown {
  try {
    const value = read(thrown, 'sqlRows');
    if (value === undefined || value === null || typeof value !== 'object') return undefined;
    const json = JSON.stringify(value);
    return typeof json === 'string' && json.length <= MAX_ROWS_JSON ? (JSON.parse(json) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `at fn (two-fer.js:3:9)` and `at two-fer.js:3:9` frames whose file is one of `visibleFiles`. */
export function visibleFrames(stack: string, visibleFiles: readonly string[]): string[] {
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    if (!/^\s+at /.test(line)) continue;
    if (visibleFiles.some((file) => line.includes(`(${file}:`) || line.includes(`at ${file}:`))) {
      frames.push(`    ${line.trim()}`);
      if (frames.length >= MAX_FRAMES) break;
    }
  }
  return frames;
}

function headline(thrown: unknown, isAssertion: boolean): string {
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) {
    return `Thrown: ${typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown)}`;
  }
  const message = stringOrEmpty(read(thrown, 'message'));
  const name = stringOrEmpty(read(thrown, 'name')) || 'Error';
  return isAssertion ? message : `${name}: ${message}`;
}

export function describeError(thrown: unknown, visibleFiles: readonly string[]): DescribedError {
  let text: string;
  let isAssertion = false;
  try {
    isAssertion = read(thrown, 'matcherResult') !== undefined;
    text = headline(thrown, isAssertion);
    const frames = visibleFrames(stringOrEmpty(read(thrown, 'stack')), visibleFiles);
    if (frames.length > 0) text += `\n\n${frames.join('\n')}`;
  } catch {
    text = 'Thrown: [a value that could not be described]';
  }
  if (text.length > MAX_MESSAGE_CHARS) text = `${text.slice(0, MAX_MESSAGE_CHARS)}\n… (message truncated)`;
  const rows = isAssertion ? sqlRows(thrown) : undefined;
  return rows === undefined ? { message: text, isAssertion } : { message: text, isAssertion, rows };
}
