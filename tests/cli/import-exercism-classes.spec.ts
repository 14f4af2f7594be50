// The five classes of Exercism exercise that once failed to import or to pass `pack test` (issue 13),
// each with its own fixture in tests/fixtures/exercism-classes: imported, then graded for real.
import fs from 'node:fs';
import path from 'node:path';
import { loadExercise } from '@questline/exercise-format';
import { createGrader, DEFAULT_GRADE_LIMITS, type Grader } from '@questline/sandbox';
import { importExercism } from '../../apps/cli/src/exercism/import';
import { isRefactoring } from '../../apps/cli/src/exercism/convert';
import { budgetFor, measureTimeBudgets, type TimeBudget } from '../../apps/cli/src/exercism/time-budget';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { ROOT, tempDir } from './helpers';

const TRACK = path.join(ROOT, 'tests/fixtures/exercism-classes/exercises');

let grader: Grader;
let out: string;
beforeAll(() => {
  grader = createGrader({ poolSize: 2 });
  out = path.join(tempDir('exercism-classes'), 'pack');
});
afterAll(async () => {
  await grader.close();
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

test('every class imports, gets what it needs, and passes pack test; what cannot be converted says why', async () => {
  const log = memoryOutput();
  const summary = importExercism(TRACK, out, { out: log });
  expect(summary.invalid).toEqual([]);
  expect(summary.imported.map((e) => e.slug).sort()).toEqual([
    'csv-reader',
    'dice-log',
    'grade-report',
    'parcel-post',
    'prime-tally',
    'word-count-cjs',
  ]);
  expect(summary.skipped).toEqual([
    {
      exercise: 'practice/thread-sum',
      reason:
        '.meta/proof.ci.js imports the package "worker_threads", which the sandbox does not provide (no file system, network or workers)',
    },
  ]);
  expect(log.lines).toContain(
    '- practice/thread-sum: not converted: .meta/proof.ci.js imports the package "worker_threads", which the sandbox does not provide (no file system, network or workers)',
  );

  const exercise = (slug: string) => loadExercise(path.join(out, 'practice', slug));
  // The file the reference reads through `fs` is a data file, read by the sandbox's in-memory fs.
  expect(exercise('csv-reader').support).toEqual([
    { fileName: 'data.csv', code: fs.readFileSync(path.join(TRACK, 'practice/csv-reader/data.csv'), 'utf8') },
  ]);
  expect(exercise('grade-report').manifest.kind).toBe('refactor');
  expect(exercise('dice-log').manifest.kind).toBeUndefined();
  // The editor file the stub, example and tests import is a support file, byte for byte.
  expect(exercise('parcel-post').support).toEqual([
    { fileName: 'weight-error.js', code: fs.readFileSync(path.join(TRACK, 'practice/parcel-post/weight-error.js'), 'utf8') },
  ]);

  // Only the slow reference gets a budget above the default: 5x its measured time, rounded up to 0.5 s.
  const measureLog = memoryOutput();
  const budgets = await measureTimeBudgets(out, grader, DEFAULT_GRADE_LIMITS, measureLog);
  const bySlug: Record<string, TimeBudget> = Object.fromEntries(budgets.map((b) => [b.exercise.split('/').pop()!, b]));
  expect(Object.values(bySlug).filter((b) => b.problem)).toEqual([]);
  // prime-tally's reference is slow on a loaded machine (a budget) and may fit the default on a quiet one (none):
  // either way the budget is exactly the rule applied to what was measured, and it is what exercise.yaml holds.
  const prime = bySlug['prime-tally']!;
  expect(prime.measuredMs).toBeGreaterThan(0);
  expect(prime.timeMs).toBe(budgetFor(prime.measuredMs, DEFAULT_GRADE_LIMITS.timeMs));
  if (prime.timeMs !== undefined) expect(exercise('prime-tally').manifest.limits).toEqual({ timeMs: prime.timeMs });
  else expect(exercise('prime-tally').manifest.limits).toBeUndefined();
  expect(exercise('word-count-cjs').manifest.limits).toBeUndefined();
  expect(measureLog.lines).toEqual([
    expect.stringMatching(/^⏱ practice\/prime-tally: the reference solution's tests took \d+ ms; time budget \d+ ms/),
  ]);

  const testLog = memoryOutput();
  const tested = await runPackTest(out, { out: testLog, createGrader: () => ({ grade: (r) => grader.grade(r), close: async () => {} }) });
  expect(tested.exercises.filter((e) => !e.ok)).toEqual([]);
  expect(testLog.lines.at(-1)).toBe('6 passed, 0 failed');
}, 60_000);

test('pack test holds a refactoring exercise to its kind: the starter must pass', async () => {
  const dir = path.join(tempDir('refactor'), 'pack');
  try {
    importExercism(TRACK, dir, { out: memoryOutput() });
    const starter = path.join(dir, 'practice/grade-report/starter/grade-report.js');
    fs.writeFileSync(starter, 'export const report = () => "";\n');
    const broken = await runPackTest(path.join(dir, 'practice/grade-report'), {
      out: memoryOutput(),
      createGrader: () => ({ grade: (r) => grader.grade(r), close: async () => {} }),
    });
    expect(broken.exercises[0]!.problems).toEqual([
      expect.stringMatching(
        /^starter\/grade-report\.js should pass every test \(kind: refactor\) but "report > one line per score" failed/,
      ),
    ]);
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test('refactoring exercises are recognised by their first sentence', () => {
  expect(isRefactoring('# Instructions\n\nRefactor a ledger printer.\n')).toBe(true);
  expect(isRefactoring('# Instructions\n\nWrite a ledger printer. Then refactor it.\n')).toBe(false);
  expect(budgetFor(100, 2000)).toBeUndefined();
  expect(budgetFor(640, 2000)).toBe(3500);
  expect(budgetFor(5000, 2000)).toBe(10000);
});
