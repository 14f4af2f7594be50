// The exercise pack the pipeline suites grade against: one exercise with three visible tests and one
// hidden test (built on the shared pack fixture, then given more tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePack } from '../../packs/pack-fixture';

export const PASSING = `export function answer() {\n  return 42;\n}\n`;
export const FAILING = `export function answer() {\n  return 41;\n}\n`;
/** Passes, but spends ~1.2 s of CPU while loading: long enough to kill or stop a worker mid-grading. */
export const SLOW_PASSING = `const end = Date.now() + 1200;\nwhile (Date.now() < end) {}\nexport function answer() {\n  return 42;\n}\n`;

/** Writes the pack into a temp dir to use as EXERCISES_DIR (the api loads it at boot). */
export function writePipelinePack(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-pipeline-'));
  const dir = path.join(root, 'pipeline');
  writePack({ slug: 'pipeline', chapters: [{ slug: 'basics', exercises: [{ slug: 'answer', xp: 10 }] }] }, dir);
  fs.writeFileSync(
    path.join(dir, 'basics', 'answer', 'tests', 'answer.test.js'),
    [
      `import { answer } from './answer';`,
      `test('answers 42', () => { expect(answer()).toBe(42); });`,
      `test('is even', () => { expect(answer() % 2).toBe(0); });`,
      `test('is stable', () => { expect(answer()).toBe(answer()); });`,
      ``,
    ].join('\n'),
  );
  return root;
}
