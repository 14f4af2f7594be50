// Turns whatever a test threw into a learner-facing message: Jest's own message for assertion
// failures (expected vs received), `Name: message` otherwise, followed only by the stack frames that
// point into files the learner may see. Thrown values are hostile: every read is guarded.

const MAX_MESSAGE_CHARS = 4000;
const MAX_FRAMES = 8;

export interface DescribedError {
  message: string;
  isAssertion: boolean;
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
  return { message: text, isAssertion };
}
