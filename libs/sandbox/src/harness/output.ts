// Captures console output inside the isolate (about 180x cheaper than calling back to the host), tags it
// with the test that is running, and caps it: 500 characters per test as Exercism does, and
// maxOutputBytes in total so an output flood costs CPU time (bounded by the timeout) but not memory.

import { formatLogArguments } from './inspect';

export const PER_TEST_OUTPUT_CHARS = 500;
const TRUNCATION_NOTE = '\n\nOutput was truncated. Please limit to 500 chars.';

export class OutputCapture {
  private readonly perTest = new Map<number, string>();
  private totalChars = 0;
  private currentTest = -1;

  /** Set per job by the host (`configure`), before any learner code runs. */
  maxTotalChars = 65536;

  /** Output between tests (module top level, hooks outside tests) is attributed to no test. */
  setCurrentTest(index: number): void {
    this.currentTest = index;
  }

  write(args: unknown[]): void {
    if (this.totalChars >= this.maxTotalChars || this.currentTest < 0) return;
    const previous = this.perTest.get(this.currentTest) ?? '';
    // One extra character lets outputFor() know to add the truncation note.
    if (previous.length > PER_TEST_OUTPUT_CHARS) return;
    let line = formatLogArguments(args);
    const room = Math.min(this.maxTotalChars - this.totalChars, PER_TEST_OUTPUT_CHARS + 1 - previous.length);
    if (line.length + 1 > room) line = line.slice(0, Math.max(0, room - 1));
    const next = previous === '' ? line : `${previous}\n${line}`;
    this.totalChars += next.length - previous.length;
    this.perTest.set(this.currentTest, next);
  }

  outputFor(index: number): string | undefined {
    const text = this.perTest.get(index);
    if (text === undefined) return undefined;
    return text.length > PER_TEST_OUTPUT_CHARS ? text.slice(0, PER_TEST_OUTPUT_CHARS) + TRUNCATION_NOTE : text;
  }

  /** A frozen console whose methods all write to this capture. */
  createConsole(): Readonly<Record<string, (...args: unknown[]) => void>> {
    const write = (...args: unknown[]) => this.write(args);
    const ignore = () => {};
    return Object.freeze({
      log: write,
      info: write,
      warn: write,
      error: write,
      debug: write,
      trace: write,
      dir: write,
      table: write,
      assert: (condition: unknown, ...args: unknown[]) => {
        if (!condition) this.write(['Assertion failed', ...args]);
      },
      group: write,
      groupEnd: ignore,
      time: ignore,
      timeEnd: ignore,
      count: ignore,
    });
  }
}
