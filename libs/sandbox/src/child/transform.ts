// TypeScript is stripped on the host (inside the sandbox child, since the source is hostile input)
// before it reaches the isolate. Node 24's `stripTypeScriptTypes` in strip mode replaces types with
// whitespace, so lines and columns in stack traces stay right; only when the file uses syntax that
// needs code generation (enum, namespace, parameter properties) do we fall back to transform mode.
import { stripTypeScriptTypes } from 'node:module';

export type TransformOutcome = { ok: true; code: string } | { ok: false; message: string };

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
    if (errorCode(error) !== 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') return { ok: false, message: syntaxErrorMessage(fileName, error) };
  }
  try {
    return { ok: true, code: stripTypeScriptTypes(code, { mode: 'transform', sourceMap: false }) };
  } catch (error) {
    return { ok: false, message: syntaxErrorMessage(fileName, error) };
  }
}
