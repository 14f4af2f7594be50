// TypeScript is stripped on the host (inside the sandbox child, since the source is hostile input)
// before it reaches the isolate. Node 24's `stripTypeScriptTypes` in strip mode replaces types with
// whitespace, so lines and columns in stack traces stay right; only when the file uses syntax that
// needs code generation (enum, namespace, parameter properties) do we fall back to transform mode.
import { stripTypeScriptTypes } from 'node:module';

/**
 * `crashed`: the stripper itself failed (not a TS syntax error). Node's stripper is swc compiled to
 * WebAssembly: input nested about 2000 levels deep (`((((…`, `A<A<…`) makes it fail with "memory access
 * out of bounds", and every later call in the same process then fails the same way (measured on Node
 * 24.21), so one learner's file would break every TypeScript grading after it. The child is replaced.
 */
export type TransformOutcome = { ok: true; code: string } | { ok: false; message: string; crashed?: boolean };

/** Error codes Node uses for TypeScript the learner got wrong; anything else is the stripper failing. */
const LEARNER_ERROR_CODES = new Set(['ERR_INVALID_TYPESCRIPT_SYNTAX', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX']);

function crashed(fileName: string): TransformOutcome {
  return {
    ok: false,
    crashed: true,
    message: `${fileName} could not be compiled: the TypeScript compiler gave up on it (is something nested too deeply?).`,
  };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Node reports a TS syntax error with the line in the first stack line (`:2`) followed by a code frame;
 * turn that into `two-fer.ts:2: Expression expected` plus the frame.
 */
function syntaxErrorMessage(fileName: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const headerEnd = stack.indexOf('\nSyntaxError');
  const header = headerEnd > 0 ? stack.slice(0, headerEnd) : '';
  const line = /^:(\d+)\n/.exec(header)?.[1];
  const frame = line ? header.slice(header.indexOf('\n') + 1).replace(/\n+$/, '') : '';
  return `SyntaxError: ${fileName}${line ? `:${line}` : ''}: ${message}${frame ? `\n\n${frame}` : ''}`;
}

export function isTypeScriptFile(fileName: string): boolean {
  return /\.[mc]?ts$/.test(fileName);
}

export function stripTypes(fileName: string, code: string): TransformOutcome {
  try {
    return { ok: true, code: stripTypeScriptTypes(code, { mode: 'strip' }) };
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !LEARNER_ERROR_CODES.has(code)) return crashed(fileName);
    if (code !== 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') return { ok: false, message: syntaxErrorMessage(fileName, error) };
  }
  try {
    return { ok: true, code: stripTypeScriptTypes(code, { mode: 'transform', sourceMap: false }) };
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !LEARNER_ERROR_CODES.has(code)) return crashed(fileName);
    return { ok: false, message: syntaxErrorMessage(fileName, error) };
  }
}
