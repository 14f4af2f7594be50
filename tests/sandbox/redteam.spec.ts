// Red team: a hostile learner who knows how the harness works. Each attack here turned a wrong answer
// into a pass (or leaked a hidden test's name) before the fix named in its comment; each must now fail
// the way an honest wrong answer fails, and ordinary test-file patterns must keep working.
import { createGrader, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { TWO_FER_SOLUTION, twoFer } from './exercises';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

function request(solution: string, spec: string, hidden = false): GradeRequest {
  return {
    language: 'javascript',
    solution: { fileName: 'attack.js', code: solution },
    tests: [{ fileName: 'attack.spec.js', code: spec, hidden }],
    limits: { timeMs: 1000 },
  };
}

async function gradeThenRecover(req: GradeRequest): Promise<GradeResult> {
  const result = await grader.grade(req);
  expect((await grader.grade(twoFer(TWO_FER_SOLUTION))).verdict).toBe('passed');
  return result;
}

const statuses = (result: GradeResult) => result.tests.map((t) => [t.name, t.status]);

describe('.resolves / .rejects with a learner-made thenable (fixed: the build makes them await natively)', () => {
  test.each([
    ['a thenable that never calls back', 'export const solve = () => ({ then() { return Promise.resolve(); } });'],
    [
      'a real promise with an own then',
      "export const solve = () => { const p = Promise.resolve(1); Object.defineProperty(p, 'then', { value: () => Promise.resolve() }); return p; };",
    ],
    [
      'a real promise with an own constructor',
      "export const solve = () => { const p = Promise.resolve(1); class C { constructor(ex) { ex(() => {}, () => {}); return Promise.resolve(); } } Object.defineProperty(p, 'constructor', { value: C }); return p; };",
    ],
  ])('%s cannot pass .resolves.toBe or .rejects.toThrow', async (_name, solution) => {
    const result = await gradeThenRecover(
      request(
        solution,
        "import { solve } from './attack';\ntest('awaited', async () => { await expect(solve()).resolves.toBe(42); });\ntest('returned', () => expect(solve()).rejects.toThrow('x'));\n",
      ),
    );
    expect(result.verdict).not.toBe('passed');
    for (const test of result.tests) expect(test.status).not.toBe('pass');
  });

  test('genuine promises still work, and count as assertions', async () => {
    const result = await grader.grade(
      request(
        'export const ok = () => Promise.resolve(42);\nexport const ko = () => Promise.reject(new Error("x"));',
        `import { ok, ko } from './attack';
test('resolves', async () => { expect.assertions(2); await expect(ok()).resolves.toBe(42); await expect(ko()).rejects.toThrow('x'); });
test('returned', () => { expect.assertions(1); return expect(ok()).resolves.toBe(42); });
test('wrong value fails', () => expect(ok()).resolves.toBe(41));
`,
      ),
    );
    expect(statuses(result)).toEqual([
      ['resolves', 'pass'],
      ['returned', 'pass'],
      ['wrong value fails', 'fail'],
    ]);
  });
});

describe('learner code called while a test file registers its tests (fixed: caller checks)', () => {
  const spec =
    "import { Robot } from './attack';\ndescribe('robot', () => {\n  const robot = new Robot();\n  test('answer', () => { expect(robot.answer()).toEqual(42); });\n});\n";
  test.each([
    ['expect.extend replaces toEqual', "expect.extend({ toEqual: () => ({ pass: true, message: () => '' }) });"],
    ['an equality tester that says yes', 'expect.addEqualityTesters([() => true]);'],
    ['expect.setState', 'expect.setState({ isNot: true });'],
    ['registering a passing test', "test('bonus', () => {}); describe('more', () => { test('bonus 2', () => {}); });"],
    ['a hook that swallows nothing but runs', 'beforeEach(() => {});'],
    ['registering through a bound function in a microtask', "Promise.resolve().then(test.bind(null, 'bonus', () => {}));"],
    [
      'registering from eval code named after the test file',
      '(0, eval)("expect.extend({ toEqual: () => ({ pass: true, message: () => \'\' }) })\\n//# sourceURL=attack.spec.js");',
    ],
    [
      'registering from a Function named after the test file',
      'new Function("expect.extend({ toEqual: () => ({ pass: true, message: () => \'\' }) })\\n//# sourceURL=attack.spec.js")();',
    ],
  ])('%s is refused', async (_name, attack) => {
    const solution = `export class Robot { constructor() { try { ${attack} } catch {} } answer() { return 41; } }`;
    const result = await gradeThenRecover(request(solution, spec));
    expect(result.verdict).not.toBe('passed');
    // Either the refusal is swallowed and the honest test fails, or it surfaces as a load error.
    if (result.verdict === 'error') expect(result.message).toContain('can only be called by the test file');
    else expect(statuses(result)).toEqual([['robot > answer', 'fail']]);
  });

  test("a learner module whose own sourceURL comment names the test file is still the learner's file", async () => {
    const solution = `export class Robot { constructor() { expect.extend({ toEqual: () => ({ pass: true, message: () => '' }) }); } answer() { return 41; } }\n//# sourceURL=attack.spec.js\n`;
    const result = await gradeThenRecover(request(solution, spec));
    expect(result.verdict).not.toBe('passed');
  });

  test('a getter made by eval with the test file as sourceURL, read by the test file, cannot register', async () => {
    const solution = `export const robot = (0, eval)("({ get answer() { expect.extend({ toBe: () => ({ pass: true, message: () => '' }) }); test('bonus', () => {}); return 41; } })\\n//# sourceURL=attack.spec.js");`;
    const result = await gradeThenRecover(
      request(
        solution,
        "import { robot } from './attack';\nconst answer = robot.answer;\ntest('answer', () => { expect(answer).toBe(42); });\n",
      ),
    );
    expect(result.verdict).not.toBe('passed');
  });

  test('test files keep every registration pattern, including learner data in .each tables', async () => {
    const result = await grader.grade(
      request(
        'export const cases = () => [[1, 2], [2, 3]];\nexport const inc = (n) => n + 1;',
        `import { cases, inc } from './attack';
expect.extend({ toBeOdd(n) { return { pass: n % 2 === 1, message: () => 'odd' }; } });
const helper = (name) => test(name, () => expect(inc(0)).toBe(1));
helper('via a helper');
describe.each(cases())('inc(%i)', (n, expected) => {
  beforeEach(() => {});
  test('is right', () => expect(inc(n)).toBe(expected));
});
test.each(cases())('table %i', (n, expected) => expect(inc(n)).toBe(expected));
[5].forEach((n) => test('odd ' + n, () => expect(n).toBeOdd()));
`,
      ),
    );
    expect(result.verdict).toBe('passed');
    expect(result.tests).toHaveLength(6);
  });
});

describe('expect.assertions / hasAssertions (fixed: learner assertions do not count, getState is a copy)', () => {
  // Learner code cannot reach `expect` any more (next describe); these tests hand it over, as a test
  // might (`solve(expect)`), to check the second line of defence.
  const spec =
    "import { solve } from './attack';\ntest('throws', () => { expect.assertions(1); try { solve(expect); } catch (e) { expect(e.message).toBe('boom'); } });\ntest('has', () => { expect.hasAssertions(); try { solve(expect); } catch (e) { expect(e.message).toBe('boom'); } });\n";
  test.each([
    ['making an assertion itself', 'export const solve = (expect) => { expect(1).toBe(1); };'],
    ['from eval code', "export const solve = (expect) => { globalThis.e = expect; (0, eval)('e(1).toBe(1)'); };"],
    [
      'resetting the live state',
      'export const solve = (expect) => { const s = expect.getState(); s.expectedAssertionsNumber = null; s.isExpectingAssertions = false; s.assertionCalls = 5; };',
    ],
  ])('%s does not satisfy them', async (_name, solution) => {
    const result = await gradeThenRecover(request(solution, spec));
    expect(statuses(result)).toEqual([
      ['throws', 'fail'],
      ['has', 'fail'],
    ]);
  });

  test('assertions in a test callback the solution calls still count', async () => {
    const result = await grader.grade(
      request(
        "export const each = (items, fn) => items.forEach(fn);\nexport const solve = () => { throw new Error('boom'); };",
        `import { each, solve } from './attack';
test('callback', () => { expect.assertions(2); each([1, 2], (n) => expect(n).toBeGreaterThan(0)); });
test('throws', () => { expect.assertions(1); try { solve(); } catch (e) { expect(e.message).toBe('boom'); } });
`,
      ),
    );
    expect(result.verdict).toBe('passed');
  });
});

describe("the Jest API is out of learner code's reach (fixed: module bindings for test files, not globals)", () => {
  // A bound function used as a getter or Proxy trap runs with no learner frame on the stack, so the
  // caller checks alone could not stop these; they failed only because the API is no longer global.
  const spec =
    "import { robot } from './attack';\ndescribe('robot', () => {\n  const answer = robot.answer;\n  test('answer', () => { expect(answer).toEqual(42); });\n});\n";
  test.each([
    [
      'a getter that is a bound expect.extend',
      "const m = { toEqual: () => ({ pass: true, message: () => '' }) };\nexport const robot = {}; Object.defineProperty(robot, 'answer', { get: expect.extend.bind(null, m) });",
    ],
    [
      'a getter that is a bound addEqualityTesters',
      "export const robot = {}; Object.defineProperty(robot, 'answer', { get: expect.addEqualityTesters.bind(null, [() => true]) });",
    ],
    [
      'a getter that is a bound test()',
      "export const robot = {}; Object.defineProperty(robot, 'answer', { get: test.bind(null, 'bonus', () => {}) });",
    ],
    [
      'a Proxy trap built from Reflect.apply',
      "const m = { toEqual: () => ({ pass: true, message: () => '' }) };\nexport const robot = new Proxy({}, { get: Reflect.apply.bind(null, Reflect.apply, null, [expect.extend, null, [m]]) });",
    ],
    [
      'reading the API off the global object',
      'const g = globalThis; export const robot = { get answer() { return [g.expect, g.test, g.describe, g.jest, g.__questlineTestApi].every((v) => v === undefined) ? 41 : 42; } };',
    ],
  ])('%s', async (_name, solution) => {
    const result = await gradeThenRecover(request(solution, spec));
    expect(result.verdict).not.toBe('passed');
    for (const test of result.tests) expect(test.status).not.toBe('pass');
  });

  test('test files still see the API, with or without importing it, and may declare their own `it`', async () => {
    const result = await grader.grade({
      language: 'typescript',
      solution: { fileName: 'attack.ts', code: 'export const answer = (): number => 42;\n' },
      tests: [
        {
          fileName: 'attack.spec.ts',
          hidden: false,
          code: "import { answer } from './attack';\ntest('globals', () => { expect(answer()).toBe(42); jest.fn(); });\n",
        },
        {
          fileName: 'more.spec.ts',
          hidden: true,
          code: "import { expect as e, test } from '@jest/globals';\nimport { answer } from './attack';\nconst it = (name: string, fn: () => void) => test(name, fn);\nit('own it', () => { e(answer()).toBe(42); expect(1).toBe(1); });\n",
        },
      ],
    });
    expect(statuses(result)).toEqual([
      ['globals', 'pass'],
      ['own it', 'pass'],
    ]);
  });
});

test("a hidden test's name is not readable from expect.getState() (it is masked for learners)", async () => {
  const result = await gradeThenRecover(
    request(
      'let seen = [];\nexport const solve = (expect) => { seen.push(String(expect.getState().currentTestName)); return seen.join(","); };',
      "import { solve } from './attack';\ntest('SECRET-name', () => { expect(solve(expect)).toBe('x'); });\n",
      true,
    ),
  );
  expect(result.tests[0]!.message).not.toContain('SECRET');
  expect(result.tests[0]!.message).toContain('"undefined"');
});

describe('the child process itself', () => {
  const tsRequest = (solution: string): GradeRequest => ({
    language: 'typescript',
    solution: { fileName: 'answer.ts', code: solution },
    tests: [
      {
        fileName: 'answer.spec.ts',
        hidden: false,
        code: "import { answer } from './answer';\ntest('answer', () => { expect(answer()).toBe(42); });\n",
      },
    ],
  });

  test.each([
    ['parentheses', `export const answer = (): number => ${'('.repeat(3000)}42${')'.repeat(3000)};`],
    ['generic types', `let deep: ${'A<'.repeat(3000)}number${'>'.repeat(3000)};\nexport const answer = (): number => 42;`],
  ])(
    'TypeScript nested too deeply (%s) is an error, and TypeScript grading still works after it (fixed: the child is replaced)',
    async (_name, code) => {
      const first = await grader.grade(tsRequest(code));
      expect(first).toMatchObject({ verdict: 'error' });
      expect(first.message).toContain('could not be compiled');
      // Node's WebAssembly stripper stayed broken in that process: every later TypeScript file failed.
      const next = await grader.grade(tsRequest('export const answer = (): number => 42;\n'));
      expect(next.verdict).toBe('passed');
    },
  );

  test('files that fail to compile do not leak isolates until the RSS ceiling kills a later job (fixed: disposed)', async () => {
    // Each leaked prepared isolate held about 2.7 MB: 150 of them passed this 200 MB ceiling.
    const small = createGrader({ poolSize: 1, childRssLimitMb: 200 });
    try {
      const broken = tsRequest('export const answer = (): = 42;\n');
      const verdicts = new Set<string>();
      for (let i = 0; i < 150; i++) verdicts.add((await small.grade(broken)).verdict);
      expect([...verdicts]).toEqual(['error']);
      expect((await small.grade(tsRequest('export const answer = (): number => 42;\n'))).verdict).toBe('passed');
    } finally {
      await small.close();
    }
  }, 60_000);

  test('test names built from learner data are capped inside the isolate', async () => {
    // 300 names of 1 MB would not fit the 64 MB isolate (memory_limit before the cap, and with a cap that
    // only sliced the string, since a V8 slice keeps its parent alive).
    const result = await grader.grade({
      ...request(
        "const s = 'x'.repeat(1e6); export const rows = () => Array.from({ length: 300 }, () => [s]);",
        "import { rows } from './attack';\ntest.each(rows())('%s', () => {});\n",
      ),
      limits: { timeMs: 5000 },
    });
    expect(result.verdict).toBe('passed');
    expect(result.tests).toHaveLength(300);
    for (const test of result.tests) expect(test.name.length).toBeLessThanOrEqual(1000);
  });
});

test('a value whose traps throw undefined cannot make a failing expect throw something `done(e)` takes as success', async () => {
  const solution = `const p = () => new Proxy({}, { get() { throw undefined; }, ownKeys() { throw undefined; }, getPrototypeOf() { throw undefined; }, has() { throw undefined; }, getOwnPropertyDescriptor() { throw undefined; } });
export const solve = (cb) => cb(p());
export const value = () => p();`;
  const spec = `import { solve, value } from './attack';
test('done pattern', (done) => { solve((v) => { try { expect(v).toBe(42); done(); } catch (e) { done(e); } }); });
test('catch pattern', () => new Promise((resolve, reject) => { try { expect(value()).toEqual(42); resolve(); } catch (e) { e ? reject(e) : resolve(); } }));
test('resolves', async () => { await expect(Promise.resolve(value())).resolves.toBe(42); });
`;
  const result = await gradeThenRecover(request(solution, spec));
  expect(result.verdict).toBe('failed');
  for (const test of result.tests) expect(test.status).not.toBe('pass');
});

test('test file names must be distinct (a hidden file named like a visible one would have its frames shown)', async () => {
  const base = request(
    'export const answer = () => 42;',
    "import { answer } from './attack';\ntest('a', () => { expect(answer()).toBe(42); });\n",
  );
  const duplicate = await grader.grade({ ...base, tests: [...base.tests, { ...base.tests[0]!, hidden: true }] });
  expect(duplicate).toMatchObject({ verdict: 'error' });
  expect(duplicate.message).toContain('used twice');
  const asSolution = await grader.grade({ ...base, tests: [{ ...base.tests[0]!, fileName: 'attack.js' }] });
  expect(asSolution).toMatchObject({ verdict: 'error' });
  const hiddenPrefix = await grader.grade({
    ...base,
    tests: [...base.tests, { ...base.tests[0]!, fileName: 'hidden/attack.spec.js', hidden: true }],
  });
  expect(hiddenPrefix.verdict).toBe('passed');
});
