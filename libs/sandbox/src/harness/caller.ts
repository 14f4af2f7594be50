// Who called into the harness? Learner code can reach the harness's globals (`test`, `expect.extend`,
// `expect` itself) whenever a test calls it, so calls that only test files may make are checked against
// the call stack: the first frame that is neither the harness nor a built-in must be in a test file.
//
// File names in frames cannot be forged: the host appends `//# sourceURL=<its own name>` to every module
// it compiles (V8 takes the last such comment), and code made at run time (`eval`, `Function`) is
// recognised as such by V8 and also gets `//# sourceURL=questline-dynamic-code` from the wrappers
// installed by lockdown.ts.
//
// Frames are read as V8 call sites (through `Error.prepareStackTrace`, installed here before lockdown
// freezes `Error`) rather than by formatting the stack as text: formatting needs every frame's line and
// column, which V8 computes lazily by re-parsing the function, and cost ~45 µs per registered test.

export const HARNESS_FILE = 'questline-harness.js';
export const DYNAMIC_CODE_FILE = 'questline-dynamic-code';

interface CallSite {
  isEval(): boolean;
  getScriptNameOrSourceURL(): unknown;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  /** V8's own formatting of the frame, as in a stack trace. */
  toString(): string;
}

const captureStackTrace = Error.captureStackTrace;
const errorToString = Error.prototype.toString;

/** The one captured stack being read as call sites; every other stack is formatted as V8 does. */
let probe: object | null = null;

/**
 * V8's default stack text (`Name: message` then `\n    at <call site>` per frame; a call site's own
 * toString is V8's frame formatting), except for our probe, which gets the call sites themselves.
 */
function prepareStackTrace(error: unknown, callSites: readonly CallSite[]): unknown {
  if (probe !== null && error === probe) return callSites;
  let text: string;
  try {
    text = String(errorToString.call(error));
  } catch {
    text = '<error>';
  }
  for (let i = 0; i < callSites.length; i++) text += `\n    at ${String(callSites[i])}`;
  return text;
}

export function installStackTraceHook(): void {
  Object.defineProperty(Error, 'prepareStackTrace', { value: prepareStackTrace, writable: false, enumerable: false, configurable: false });
}

/** A captured stack, read only when needed (capturing costs ~1 µs). */
export interface CapturedStack {
  stack?: unknown;
}

export function captureCaller(skip: (...args: never[]) => unknown): CapturedStack {
  const holder: CapturedStack = {};
  captureStackTrace(holder, skip);
  return holder;
}

/** Where the first frame that is neither the harness nor a built-in is: its file, line and column. */
export interface CallerFrame {
  file: string;
  line: number;
  column: number;
}

/**
 * The first frame that is neither the harness nor a built-in; null when there is none. Code made at run
 * time gives DYNAMIC_CODE_FILE (line and column 0). Line and column are read only with `withPosition`
 * (V8 computes them lazily, by re-parsing the function).
 */
export function callerFrame(captured: CapturedStack, withPosition = false): CallerFrame | null {
  let sites: unknown;
  probe = captured;
  try {
    sites = captured.stack;
  } catch {
    return { file: DYNAMIC_CODE_FILE, line: 0, column: 0 };
  } finally {
    probe = null;
  }
  // Read once already (cannot happen for our own holders): refuse rather than guess.
  if (!Array.isArray(sites)) return { file: DYNAMIC_CODE_FILE, line: 0, column: 0 };
  for (const site of sites as CallSite[]) {
    if (site.isEval()) return { file: DYNAMIC_CODE_FILE, line: 0, column: 0 };
    const file = site.getScriptNameOrSourceURL();
    if (typeof file !== 'string' || file === '') continue; // a built-in
    if (file === HARNESS_FILE) continue;
    if (!withPosition) return { file, line: 0, column: 0 };
    return { file, line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0 };
  }
  return null;
}

/** The file of the first frame that is neither the harness nor a built-in; null when there is none. */
export function callerFile(captured: CapturedStack): string | null {
  return callerFrame(captured)?.file ?? null;
}
