// Classifies what an isolated-vm call rejected with, and turns load errors (syntax errors, a solution
// that throws while loading, a bad import) into learner-facing text with no host paths or host frames.
import { visibleFrames } from '../harness/errors';

export type Failure = 'time' | 'memory' | 'wall' | 'other';

/** Our own host-side wall clock fired: the isolate did not stop when its timeout should have stopped it. */
export class WallClockExceeded extends Error {}

export function classifyFailure(error: unknown, isolateDisposed: boolean): Failure {
  if (error instanceof WallClockExceeded) return 'wall';
  const message = error instanceof Error ? error.message : '';
  if (/Script execution timed out/.test(message)) return 'time';
  if (/memory limit/i.test(message) || /Isolate is disposed/.test(message) || isolateDisposed) return 'memory';
  return 'other';
}

/** `SyntaxError: Unexpected token '}'` plus the frames in files the learner may see. */
export function describeLoadError(error: unknown, visibleFiles: readonly string[]): string {
  if (!(error instanceof Error)) return `Thrown: ${String(error).slice(0, 1000)}`;
  const name = typeof error.name === 'string' && error.name ? error.name : 'Error';
  const message = String(error.message).slice(0, 4000);
  const frames = visibleFrames(typeof error.stack === 'string' ? error.stack : '', visibleFiles);
  // V8 puts the location of a syntax error as the first stack line (`two-fer.js:3`), not as a frame.
  const location = /^([^\s()]+\.[mc]?[jt]s):(\d+)/m.exec(typeof error.stack === 'string' ? error.stack : '');
  const where = location && visibleFiles.includes(location[1]!) ? ` (${location[1]}:${location[2]})` : '';
  return `${name}: ${message}${where}${frames.length > 0 ? `\n\n${frames.join('\n')}` : ''}`;
}
