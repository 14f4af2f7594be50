// Common mistakes (issue 16 item 3): a failing Submit's signature is which tests failed, by declared
// identity (TestResult.id, never the runtime name a learner's value may build), with their failure
// messages normalised: strings and numbers (the learner's output) become placeholders, so two learners
// making the same mistake with different values land in the same group. Pure: no I/O.
import { createHash } from 'node:crypto';
import type { GradeResult, TestResult } from './types';

export interface MistakePart {
  /** The declared identity (TestResult.id). */
  test: string;
  status: TestResult['status'];
  /** The failure message with values replaced by `<str>` / `<num>`, capped. */
  message: string;
}

export interface MistakeSignature {
  /** sha256 hex of verdict + parts: the group key. */
  signature: string;
  verdict: GradeResult['verdict'];
  parts: MistakePart[];
}

const MAX_MESSAGE_CHARS = 300;
const MAX_PARTS = 20;

/** Replaces quoted strings, numbers and learner-chosen identifiers in stack lines with placeholders. */
export function normaliseFailureMessage(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*at .*$/gm, '') // stack frames (line numbers of the learner's file)
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '<str>')
    .replace(/-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?n?\b/gi, '<num>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_MESSAGE_CHARS);
}

/**
 * The signature of a failing grading, or null when there is none to group: it passed, the sandbox
 * failed (not the learner's mistake), or no failing test has a declared identity (graded before ids).
 */
export function mistakeSignature(result: Pick<GradeResult, 'verdict' | 'tests'>): MistakeSignature | null {
  if (result.verdict === 'passed' || result.verdict === 'sandbox_error') return null;
  const parts: MistakePart[] = [];
  for (const test of result.tests) {
    if (test.status === 'pass' || test.id === undefined) continue;
    // "Not run" after a stop says nothing of its own: the test that stopped the run carries the signature.
    if (test.message === 'Not run') continue;
    parts.push({ test: test.id, status: test.status, message: normaliseFailureMessage(test.message ?? '') });
    if (parts.length >= MAX_PARTS) break;
  }
  // A compile error fails before any test: its group is the verdict itself.
  if (parts.length === 0 && result.verdict !== 'compile_error') return null;
  const signature = createHash('sha256')
    .update(JSON.stringify({ v: result.verdict, p: parts }))
    .digest('hex');
  return { signature, verdict: result.verdict, parts };
}
