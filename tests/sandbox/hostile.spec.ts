// Hostile learner code: each category must end in the right verdict, and the grader must keep
// serving: a normal grading right after each attack still passes.
import { createGrader, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { hostile, TWO_FER_SOLUTION, twoFer } from './exercises';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

/** Grades the attack, then proves the grader still serves a normal grading within a second or so. */
async function gradeThenRecover(request: GradeRequest): Promise<GradeResult> {
  const result = await grader.grade(request);
  const started = Date.now();
  const next = await grader.grade(twoFer(TWO_FER_SOLUTION));
  expect(next.verdict).toBe('passed');
  expect(Date.now() - started).toBeLessThan(3000);
  return result;
}

function attackTest(result: GradeResult) {
  return result.tests.find((test) => test.name === 'attack');
}

describe('CPU: loops, ReDoS, recursion', () => {
  test.each([
    ['an infinite loop', 'export function run() { for (;;) {} }'],
    [
      'a loop that catches termination',
      'export function run() { for (;;) { try { for (;;) {} } catch { continue; } finally { continue; } } }',
    ],
    ['catastrophic backtracking (ReDoS)', "export function run() { return /^(a+)+$/.test('a'.repeat(40) + 'b'); }"],
  ])('%s is a time_limit naming the running test', async (_label, body) => {
    const result = await gradeThenRecover(hostile(body));
    expect(result).toMatchObject({ status: 'fail', verdict: 'time_limit', limit: { kind: 'time', testName: 'attack' } });
    expect(result.tests.map((t) => t.status)).toEqual(['pass', 'error', 'error']);
  });

  test('unbounded recursion fails the test with a RangeError', async () => {
    const result = await gradeThenRecover(hostile('export function run() { return run() + 1; }'));
    expect(result.verdict).toBe('failed');
    expect(attackTest(result)).toMatchObject({ status: 'error' });
    expect(attackTest(result)!.message).toContain('RangeError: Maximum call stack size exceeded');
  });
});

describe('async: never-settling promises and microtask floods', () => {
  test('a promise that never settles is a time_limit, reported without waiting out the budget', async () => {
    const started = Date.now();
    const result = await grader.grade(hostile('export const run = () => new Promise(() => {});', { timeMs: 5000 }));
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { kind: 'time', testName: 'attack' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('a done callback never called is a time_limit', async () => {
    const request = hostile('export const run = () => 42;');
    request.tests[0]!.code += "test('never done', (done) => { expect(1).toBe(1); });\n";
    const result = await gradeThenRecover(request);
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { testName: 'never done' } });
  });

  test.each([
    ['an await loop', 'export async function run() { for (;;) await 0; }'],
    [
      'a timer that reschedules itself forever',
      'export function run() { const f = () => setTimeout(f, 1); f(); return new Promise(() => {}); }',
    ],
  ])('%s is a time_limit', async (_label, body) => {
    const result = await gradeThenRecover(hostile(body));
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { testName: 'attack' } });
  });

  test('a self-scheduling then chain is stopped by whichever limit it reaches first', async () => {
    // Each link keeps the previous promise alive, so the chain is a memory bomb as well as a microtask
    // flood: 64 MB or 500 ms comes first depending on the machine's speed (both were seen on this VM).
    const result = await gradeThenRecover(
      hostile('export function run() { const f = () => Promise.resolve().then(f); f(); return new Promise(() => {}); }'),
    );
    expect(['time_limit', 'memory_limit']).toContain(result.verdict);
    expect(result.limit?.testName).toBe('attack');
  });
});

describe('memory bombs', () => {
  test('an array bomb is a memory_limit', async () => {
    const result = await gradeThenRecover(
      hostile('export function run() { const keep = []; for (;;) keep.push(new Array(1e5).fill({ a: 1 })); }', { timeMs: 5000 }),
    );
    expect(result).toMatchObject({ status: 'fail', verdict: 'memory_limit', limit: { kind: 'memory', testName: 'attack' } });
  });

  test('a string doubling bomb does not pass', async () => {
    const result = await gradeThenRecover(
      hostile("export function run() { let s = 'x'; const keep = []; for (;;) { s += s; keep.push(s + '!'); } }", { timeMs: 3000 }),
    );
    expect(['memory_limit', 'failed']).toContain(result.verdict);
    expect(attackTest(result)!.status).not.toBe('pass');
  });

  test('a typed-array bomb that swallows allocation errors does not pass', async () => {
    const result = await gradeThenRecover(
      hostile('export function run() { const keep = []; for (;;) { try { keep.push(new Float64Array(1e6)); } catch {} } }', {
        timeMs: 3000,
      }),
    );
    expect(['memory_limit', 'time_limit']).toContain(result.verdict);
  });

  test('a non-interruptible fill of a huge array is stopped by the host and the child replaced', async () => {
    const result = await gradeThenRecover(hostile('export function run() { return new Array(1e8).fill(0).length; }', { timeMs: 500 }));
    expect(['time_limit', 'memory_limit']).toContain(result.verdict);
    expect(result.limit?.testName).toBe('attack');
  });

  test('WebAssembly is not available', async () => {
    const result = await gradeThenRecover(hostile("export const run = () => typeof WebAssembly === 'undefined' ? 42 : 0;"));
    expect(result.verdict).toBe('passed');
  });
});
