import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGrader, type Grader, type TestProgress } from '@questline/sandbox';
import { TWO_FER_SOLUTION, twoFer } from './exercises';

describe('createGrader: basic grading through the child process', () => {
  let grader: Grader;
  beforeAll(() => {
    grader = createGrader({ poolSize: 1 });
  });
  afterAll(() => grader.close());

  test('a correct solution passes every test, in file order', async () => {
    const progress: TestProgress[] = [];
    const result = await grader.grade(twoFer(TWO_FER_SOLUTION), { onTest: (p) => progress.push(p) });
    expect(result).toMatchObject({ status: 'pass', verdict: 'passed' });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['twoFer() > no name given', 'pass'],
      ['twoFer() > a name given', 'pass'],
    ]);
    expect(result.tests[0]!.testCode).toBe("expect(twoFer()).toEqual('One for you, one for me.');");
    expect(progress.map((p) => [p.index, p.total, p.test.name])).toEqual([
      [0, 2, 'twoFer() > no name given'],
      [1, 2, 'twoFer() > a name given'],
    ]);
  });

  test('a wrong solution fails with Jest diff messages and a frame in the learner file', async () => {
    const result = await grader.grade(twoFer(`export function twoFer(name) {\n  return 'One for ' + name + ', one for me.';\n}\n`));
    expect(result).toMatchObject({ status: 'fail', verdict: 'failed' });
    expect(result.tests[0]).toMatchObject({ status: 'fail' });
    expect(result.tests[0]!.message).toContain('expect(received).toEqual(expected)');
    expect(result.tests[0]!.message).toContain('Expected: "One for you, one for me."');
    expect(result.tests[0]!.message).toContain('Received: "One for undefined, one for me."');
    expect(result.tests[0]!.message).toMatch(/at .*two-fer\.spec\.js:6:\d+/);
    expect(result.tests[0]!.message).not.toMatch(/harness|node_modules|\/work\//);
    expect(result.tests[1]).toMatchObject({ status: 'pass' });
  });

  test('bail stops at the first failing test; the rest stay "Not run" and nothing else runs', async () => {
    const later = {
      fileName: 'later.spec.js',
      hidden: true,
      code: `import { twoFer } from './two-fer';\ntest('later', () => { console.log('ran'); expect(twoFer('x')).toBe('One for x, one for me.'); });\n`,
    };
    const wrong = `export const twoFer = (name = 'you') => name === 'you' ? 'One for you, one for me.' : 'nope';\n`;
    const bailed = await grader.grade({ ...twoFer(wrong, [later]), bail: true });
    expect(bailed).toMatchObject({ status: 'fail' });
    expect(bailed.tests.map((t) => [t.name, t.status, t.status === 'pass' ? '' : t.message!.split('\n')[0]])).toEqual([
      ['twoFer() > no name given', 'pass', ''],
      ['twoFer() > a name given', 'fail', 'expect(received).toEqual(expected) // deep equality'],
      ['later', 'error', 'Not run'],
    ]);
    expect(bailed.tests[2]!.output).toBeUndefined();
    // Without bail every test runs, and a passing run is the same either way.
    const full = await grader.grade(twoFer(wrong, [later]));
    expect(full.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'fail']);
    const passing = await grader.grade({ ...twoFer(TWO_FER_SOLUTION, [later]), bail: true });
    expect(passing).toMatchObject({ status: 'pass', verdict: 'passed' });
    expect(passing.tests).toHaveLength(3);
  });
});

describe('createGrader: pool, limits and supervision', () => {
  test('concurrent gradings on a pool each get their own results and progress', async () => {
    const grader = createGrader({ poolSize: 2 });
    try {
      const wrong = `export const twoFer = () => 'nope';`;
      const requests = [TWO_FER_SOLUTION, wrong, TWO_FER_SOLUTION, wrong, TWO_FER_SOLUTION, wrong].map((code) => twoFer(code));
      const progress = requests.map(() => [] as string[]);
      const results = await Promise.all(requests.map((r, i) => grader.grade(r, { onTest: (p) => progress[i]!.push(p.test.status) })));
      expect(results.map((r) => r.verdict)).toEqual(['passed', 'failed', 'passed', 'failed', 'passed', 'failed']);
      expect(progress).toEqual([
        ['pass', 'pass'],
        ['fail', 'fail'],
        ['pass', 'pass'],
        ['fail', 'fail'],
        ['pass', 'pass'],
        ['fail', 'fail'],
      ]);
    } finally {
      await grader.close();
    }
  });

  test('per-exercise limits are honoured and clamped', async () => {
    const grader = createGrader();
    try {
      const big = await grader.grade(twoFer(TWO_FER_SOLUTION, [], { memoryMb: 128, timeMs: 60_000 }));
      expect(big.verdict).toBe('passed');
      const started = Date.now();
      const slow = await grader.grade(twoFer(`export const twoFer = () => { for (;;) {} };`, [], { timeMs: 300 }));
      expect(slow).toMatchObject({ verdict: 'time_limit', limit: { kind: 'time', testName: 'twoFer() > no name given' } });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await grader.close();
    }
  });

  test('oversized sources and malformed requests are error verdicts, not exceptions', async () => {
    const grader = createGrader();
    try {
      const huge = await grader.grade(twoFer(`export const twoFer = () => '';\n// ${'x'.repeat(70_000)}`));
      expect(huge).toMatchObject({ status: 'error', verdict: 'error' });
      expect(huge.message).toContain('too large');
      const malformed = await grader.grade({ language: 'javascript', solution: { fileName: '../../etc/passwd', code: '' }, tests: [] });
      expect(malformed.verdict).toBe('error');
    } finally {
      await grader.close();
    }
  });

  test('the parent kills a child over its RSS ceiling (memory_limit) and serves the next job', async () => {
    const grader = createGrader({ childRssLimitMb: 200 });
    try {
      // Array.prototype.fill on a huge array cannot be interrupted and is not bounded by the isolate's limit.
      const bomb = await grader.grade(twoFer(`export const twoFer = () => String(new Array(6e7).fill(0).length);`, [], { timeMs: 8000 }));
      expect(bomb).toMatchObject({ verdict: 'memory_limit', limit: { kind: 'memory', testName: 'twoFer() > no name given' } });
      expect(bomb.message).toContain('went over 200 MB');
      expect((await grader.grade(twoFer(TWO_FER_SOLUTION))).verdict).toBe('passed');
    } finally {
      await grader.close();
    }
  });

  test('close() ends queued gradings with sandbox_error and later calls get sandbox_error', async () => {
    const grader = createGrader();
    const pending = [grader.grade(twoFer(TWO_FER_SOLUTION)), grader.grade(twoFer(TWO_FER_SOLUTION))];
    await grader.close();
    const results = await Promise.all(pending);
    for (const result of results) expect(['passed', 'sandbox_error']).toContain(result.verdict);
    expect((await grader.grade(twoFer(TWO_FER_SOLUTION))).verdict).toBe('sandbox_error');
  });
});

test('a sandbox whose child cannot start fails gradings with sandbox_error instead of hanging', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'questline-broken-sandbox-'));
  fs.writeFileSync(path.join(dir, 'child.js'), "throw new Error('broken build');\n");
  const grader = createGrader({ sandboxDir: dir });
  try {
    const result = await grader.grade(twoFer(TWO_FER_SOLUTION));
    expect(result).toMatchObject({ status: 'error', verdict: 'sandbox_error' });
  } finally {
    await grader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
