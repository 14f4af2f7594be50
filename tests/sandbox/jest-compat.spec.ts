// Tests are written the way people write Jest tests; the grader runs them with Jest's own expect.
import { createGrader, maskHiddenTests, type Grader, type GradeRequest } from '@questline/sandbox';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

function request(solution: string, tests: string, language: 'javascript' | 'typescript' = 'javascript'): GradeRequest {
  const ext = language === 'typescript' ? 'ts' : 'js';
  return {
    language,
    solution: { fileName: `lib.${ext}`, code: solution },
    tests: [{ fileName: `lib.spec.${ext}`, code: tests, hidden: false }],
  };
}

const statuses = (tests: Array<{ name: string; status: string }>) => tests.map((t) => `${t.status} ${t.name}`);

test('describe/test/it with .each, .skip, .todo, xtest and hooks, as globals', async () => {
  const result = await grader.grade(
    request(
      'export const add = (a, b) => a + b;',
      `import { add } from './lib';
const log = [];
beforeAll(() => log.push('beforeAll'));
beforeEach(() => log.push('beforeEach'));
afterEach(() => log.push('afterEach'));
describe('add', () => {
  beforeEach(() => log.push('inner beforeEach'));
  test.each([[1, 2, 3], [2, 2, 4]])('add(%i, %i) = %i', (a, b, sum) => expect(add(a, b)).toBe(sum));
  test.each([{ a: 1, b: 1, sum: 2 }])('$a + $b = $sum', ({ a, b, sum }) => expect(add(a, b)).toBe(sum));
  it.each\`
    a    | b    | sum
    \${5} | \${5} | \${10}
  \`('template $a + $b', ({ a, b, sum }) => expect(add(a, b)).toBe(sum));
  test.skip('skipped', () => { throw new Error('must not run'); });
  test.todo('to do');
  xtest('xtest runs', () => expect(add(0, 0)).toBe(0));
  xit('xit runs', () => expect(add(0, 1)).toBe(1));
});
describe.each([[10]])('with %i', (n) => {
  test('adds', () => expect(add(n, n)).toBe(20));
});
test('hooks ran in order', () => {
  expect(log.slice(0, 4)).toEqual(['beforeAll', 'beforeEach', 'inner beforeEach', 'afterEach']);
});
`,
    ),
  );
  expect(statuses(result.tests)).toEqual([
    'pass add > add(1, 2) = 3',
    'pass add > add(2, 2) = 4',
    'pass add > 1 + 1 = 2',
    'pass add > template 5 + 5',
    'pass add > xtest runs',
    'pass add > xit runs',
    'pass with 10 > adds',
    'pass hooks ran in order',
  ]);
  expect(result.verdict).toBe('passed');
});

test('async tests, resolves/rejects, timers, done, mocks and asymmetric matchers', async () => {
  const result = await grader.grade(
    request(
      `export const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));
export const fail = async () => { throw new TypeError('nope'); };
export const callTwice = (f) => { f(1); f(2); };
export class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
export const validate = (x) => { if (x < 0) throw new ValidationError('negative'); return x; };`,
      `import { describe, expect, test, jest } from '@jest/globals';
import { later, fail, callTwice, validate, ValidationError } from './lib';
test('await a timer', async () => { expect(await later(5, 1000)).toBe(5); });
test('resolves', () => expect(later('x', 10)).resolves.toBe('x'));
test('rejects', async () => { await expect(fail()).rejects.toThrow(TypeError); });
test('done callback', (done) => { setTimeout(() => { expect(1).toBe(1); done(); }, 50); });
test('jest.fn', () => { const f = jest.fn(); callTwice(f); expect(f).toHaveBeenCalledTimes(2); expect(f).toHaveBeenLastCalledWith(2); });
test('spyOn', () => { const o = { m: () => 1 }; const s = jest.spyOn(o, 'm').mockReturnValue(7); expect(o.m()).toBe(7); expect(s).toHaveBeenCalled(); });
test('asymmetric', () => { expect({ a: 1, b: 'x', c: [1, 2] }).toEqual({ a: expect.any(Number), b: expect.stringContaining('x'), c: expect.arrayContaining([2]) }); expect({ a: 1, b: 2 }).toEqual(expect.objectContaining({ a: 1 })); });
test('toThrow with a custom error', () => { expect(() => validate(-1)).toThrow(ValidationError); expect(() => validate(-1)).toThrow('negative'); });
test('fake timers', () => { jest.useFakeTimers(); const f = jest.fn(); setTimeout(f, 1000); jest.advanceTimersByTime(999); expect(f).not.toHaveBeenCalled(); jest.advanceTimersByTime(1); expect(f).toHaveBeenCalled(); });
test('expect.assertions counts', async () => { expect.assertions(2); expect(1).toBe(1); });
test('custom matcher', () => { expect(3).toBeOdd(); });
expect.extend({ toBeOdd(n) { return { pass: n % 2 === 1, message: () => 'expected odd' }; } });
`,
    ),
  );
  expect(result.message).toBe('1 of 11 tests failed.');
  expect(statuses(result.tests)).toEqual([
    'pass await a timer',
    'pass resolves',
    'pass rejects',
    'pass done callback',
    'pass jest.fn',
    'pass spyOn',
    'pass asymmetric',
    'pass toThrow with a custom error',
    'pass fake timers',
    'fail expect.assertions counts',
    'pass custom matcher',
  ]);
  expect(result.tests[9]!.message).toContain('expect.assertions(2)');
});

test('console output is captured per test and failures show expected vs received', async () => {
  const result = await grader.grade(
    request(
      "export const greet = (n) => { console.log('greeting', n, { n }); return 'hi ' + n; };",
      "import { greet } from './lib';\ntest('quiet', () => { expect(1).toBe(1); });\ntest('loud', () => { expect(greet('bob')).toEqual({ text: 'hi bob' }); });\n",
    ),
  );
  expect(result.tests[0]!.output).toBeUndefined();
  expect(result.tests[1]!.output).toBe("greeting bob { n: 'bob' }");
  expect(result.tests[1]!.message).toContain('Expected: {"text": "hi bob"}');
  expect(result.tests[1]!.message).toContain('Received: "hi bob"');
});

test('TypeScript is stripped in place, so stack lines stay right', async () => {
  const result = await grader.grade(
    request(
      "type Color = 'red' | 'green';\nexport function name(c: Color): string {\n  if (c === 'green') throw new Error('green');\n  return c as string;\n}\n",
      "import { name } from './lib';\ntest('red', () => { expect(name('red')).toBe('red'); });\ntest('green', () => { const label: string = name('green'); expect(label).toBe('green'); });\n",
      'typescript',
    ),
  );
  expect(statuses(result.tests)).toEqual(['pass red', 'error green']);
  expect(result.tests[1]!.message).toMatch(/Error: green[\s\S]*lib\.ts:3:\d+/);
});

test('TypeScript enums and namespaces are transformed', async () => {
  const result = await grader.grade(
    request(
      'export enum Color { Red, Green }\nexport namespace Util { export const twice = (n: number) => n * 2; }\n',
      "import { Color, Util } from './lib';\ntest('enum', () => { expect(Color[Color.Green]).toBe('Green'); expect(Util.twice(2)).toBe(4); });\n",
      'typescript',
    ),
  );
  expect(result.verdict).toBe('passed');
});

test('syntax errors are an error verdict that names the file and line', async () => {
  const ts = await grader.grade(
    request('export const x: number = ;\n', "import { x } from './lib';\ntest('x', () => expect(x).toBe(1));", 'typescript'),
  );
  expect(ts).toMatchObject({ status: 'error', verdict: 'error' });
  expect(ts.message).toContain('lib.ts:1');
  const js = await grader.grade(
    request('export const ok = 1;\nexport function broken( {\n', "import { ok } from './lib';\ntest('x', () => expect(ok).toBe(1));"),
  );
  expect(js).toMatchObject({ status: 'error', verdict: 'error' });
  expect(js.message).toMatch(/SyntaxError[\s\S]*lib\.js:\d/);
  expect(js.message).not.toMatch(/\/work\/|node:|harness/);
});

test('a missing export and a throw at load time are error verdicts', async () => {
  const missing = await grader.grade(
    request('export const other = 1;', "import { wanted } from './lib';\ntest('x', () => expect(wanted).toBe(1));"),
  );
  expect(missing).toMatchObject({ verdict: 'error' });
  expect(missing.message).toContain('wanted');
  const throws = await grader.grade(request("throw new RangeError('at load');", "import './lib';\ntest('x', () => {});"));
  expect(throws).toMatchObject({ verdict: 'error' });
  expect(throws.message).toContain('RangeError: at load');
});

test('hidden tests can be masked for learners', async () => {
  const result = await grader.grade({
    language: 'javascript',
    solution: { fileName: 'lib.js', code: 'export const double = (n) => n * 2;' },
    tests: [
      {
        fileName: 'lib.spec.js',
        hidden: false,
        code: "import { double } from './lib';\ntest('doubles 2', () => expect(double(2)).toBe(4));",
      },
      {
        fileName: 'hidden.spec.js',
        hidden: true,
        code: "import { double } from './lib';\ntest('secret edge', () => { console.log('in hidden'); expect(double(-0)).toBe(7); });",
      },
    ],
  });
  const masked = maskHiddenTests(result);
  expect(masked.tests[1]).toEqual({
    name: 'Hidden test 1',
    status: 'fail',
    durationMs: expect.any(Number),
    hidden: true,
    message: expect.any(String),
  });
  expect(JSON.stringify(masked)).not.toMatch(/secret edge|toBe\(7\)|in hidden|Expected: 7/);
  expect(maskHiddenTests(result, { revealNames: true }).tests[1]!.name).toBe('secret edge');
});
