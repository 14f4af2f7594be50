// Who called into the harness? Learner code can reach the harness's globals (`test`, `expect.extend`,
// `expect` itself) whenever a test calls it, so calls that only test files may make are checked against
// the call stack: the first frame that is neither the harness nor a built-in must be in a test file.
//
// File names in frames cannot be forged: the host appends `//# sourceURL=<its own name>` to every module
// it compiles (V8 takes the last such comment), and code made at run time (`eval`, `Function`) gets
// `//# sourceURL=questline-dynamic-code` from the wrappers installed by lockdown.ts.

export const HARNESS_FILE = 'questline-harness.js';
export const DYNAMIC_CODE_FILE = 'questline-dynamic-code';

const captureStackTrace = Error.captureStackTrace;

/** The file of a formatted stack line, or null for built-ins (no `:line:column`). */
function frameFile(line: string): string | null {
  let location: string;
  const trimmed = line.trim();
  if (!trimmed.startsWith('at ')) return null;
  if (trimmed.endsWith(')')) {
    const open = trimmed.lastIndexOf('(');
    location = trimmed.slice(open + 1, -1);
  } else {
    location = trimmed.slice(3);
    if (location.startsWith('async ')) location = location.slice(6);
  }
  const match = /^(.*):\d+:\d+$/.exec(location);
  if (!match) return null;
  // `eval at f (x.js:1:2), <anonymous>:1:1` cannot occur any more (see above); treat it as dynamic code.
  return location.includes('eval at ') ? DYNAMIC_CODE_FILE : match[1]!;
}

/** A captured stack, formatted only when read (capturing costs ~1 µs, formatting a little more). */
export interface CapturedStack {
  stack?: string;
}

export function captureCaller(skip: (...args: never[]) => unknown): CapturedStack {
  const holder: CapturedStack = {};
  captureStackTrace(holder, skip);
  return holder;
}

/** The file of the first frame that is neither the harness nor a built-in; null when there is none. */
export function callerFile(captured: CapturedStack): string | null {
  const stack = typeof captured.stack === 'string' ? captured.stack : '';
  const lines = stack.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const file = frameFile(lines[i]!);
    if (file !== null && file !== HARNESS_FILE) return file;
  }
  return null;
}
