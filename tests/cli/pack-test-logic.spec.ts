// runPackTest's rules and reporting, with a stand-in grader so these run without isolates:
// the stand-in passes exactly the code that contains "= 42".
import fs from 'node:fs';
import path from 'node:path';
import type { GradeRequest, GradeResult } from '@questline/sandbox';
import type { GraderFactory } from '../../apps/cli/src/grader';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { jsExercise, tempDir, writeTree } from './helpers';

function fakeGrader() {
  const requests: GradeRequest[] = [];
  let active = 0;
  let maxActive = 0;
  let closed = 0;
  let poolSize: number | undefined;
  const factory: GraderFactory = (options) => {
    poolSize = options.poolSize;
    return {
      async grade(request) {
        requests.push(request);
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        const pass = request.solution.code.includes('= 42');
        const result: GradeResult = {
          status: pass ? 'pass' : 'fail',
          verdict: pass ? 'passed' : 'failed',
          durationMs: 1,
          tests: request.tests.map((t) => ({
            name: t.fileName,
            status: pass ? 'pass' : 'fail',
            message: pass ? undefined : 'expect(received).toBe(expected)\n\nExpected: 42',
            durationMs: 1,
          })),
        };
        return result;
      },
      async close() {
        closed += 1;
      },
    };
  };
  return { factory, requests, stats: () => ({ maxActive, closed, poolSize }) };
}

describe('runPackTest rules', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = tempDir('packtest');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('passes good exercises and explains each failure', async () => {
    writeTree(tmp, {
      ...jsExercise('basics', 'good', { wrong: { 'off-by-one.js': 'export const answer = 41;\n' } }),
      ...jsExercise('basics', 'broken-solution', { solution: 'export const answer = 7;\n' }),
      ...jsExercise('basics', 'lazy-tests', { starter: 'export const answer = 42;\n' }),
      ...jsExercise('basics', 'weak-tests', { wrong: { 'sneaky.js': 'export const answer = 42; // wrong but passes\n' } }),
      ...jsExercise('more', 'invalid'),
      'more/invalid/exercise.yaml': 'slug: invalid\n',
    });
    const grader = fakeGrader();
    const out = memoryOutput();
    const summary = await runPackTest(tmp, { out, createGrader: grader.factory });

    expect(summary.passed).toBe(1);
    expect(summary.failed).toBe(4);
    expect(out.lines.at(-1)).toBe('1 passed, 4 failed');
    const byName = Object.fromEntries(summary.exercises.map((e) => [e.name, e.problems]));
    expect(byName['basics/good']).toEqual([]);
    expect(byName['basics/broken-solution']).toEqual([
      'solution/broken-solution.js should pass every test but "broken-solution.test.js" failed: expect(received).toBe(expected)',
    ]);
    expect(byName['basics/lazy-tests']).toEqual([expect.stringMatching(/^starter\/lazy-tests\.js should fail but passes every test/)]);
    expect(byName['basics/weak-tests']).toEqual([expect.stringMatching(/^wrong\/sneaky\.js should fail but passes every test/)]);
    expect(byName['more/invalid']).toEqual(
      expect.arrayContaining([`${path.basename(tmp)}/more/invalid/exercise.yaml: title: is required`]),
    );

    // Progress prefixes count up to the total; every exercise gets its own line.
    const progress = out.lines.filter((line) => /^\[\d\/5\] [✓✗] /.test(line));
    expect(progress.map((line) => line.slice(0, 5)).sort()).toEqual(['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']);
    expect(out.lines).toContain(
      `      solution/broken-solution.js should pass every test but "broken-solution.test.js" failed: expect(received).toBe(expected)`,
    );

    // Hidden tests are always included; the pool is shared, bounded and closed once.
    expect(grader.requests.every((r) => r.tests.some((t) => t.hidden))).toBe(true);
    expect(grader.requests).toHaveLength(4 * 2 + 2); // solution + starter each, plus two wrong/ files
    expect(grader.stats()).toEqual({ maxActive: 2, closed: 1, poolSize: 2 });
  });

  it('works on one exercise folder and reports an empty folder', async () => {
    writeTree(tmp, jsExercise('basics', 'good'));
    const out = memoryOutput();
    const summary = await runPackTest(path.join(tmp, 'basics/good'), { out, createGrader: fakeGrader().factory });
    expect(summary).toMatchObject({ passed: 1, failed: 0 });
    expect(out.lines).toEqual(['[1/1] ✓ good', '1 passed, 0 failed']);

    const empty = memoryOutput();
    expect(await runPackTest(path.join(tmp, 'nothing-here'), { out: empty, createGrader: fakeGrader().factory })).toMatchObject({
      passed: 0,
      failed: 0,
      exercises: [],
    });
    expect(empty.lines.at(-1)).toBe('0 passed, 0 failed');
  });
});
