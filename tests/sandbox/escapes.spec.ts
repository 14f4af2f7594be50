// Hostile learner code, part two: escapes, hostile thrown values, output floods, forged results,
// tampering with the harness, reading hidden tests, leftover state. Each attack must end in the right
// verdict, and the grader must serve a normal grading right after.
import { createGrader, type GradeRequest, type GradeResult, type Grader } from '@questline/sandbox';
import { hostile, TWO_FER_SOLUTION, twoFer } from './exercises';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

async function gradeThenRecover(request: GradeRequest): Promise<GradeResult> {
  const result = await grader.grade(request);
  const next = await grader.grade(twoFer(TWO_FER_SOLUTION));
  expect(next.verdict).toBe('passed');
  return result;
}

const attack = (result: GradeResult) => result.tests.find((test) => test.name === 'attack')!;

describe('escapes', () => {
  test('nothing of the host is reachable from the global object or through constructors', async () => {
    const result = await gradeThenRecover(
      hostile(`
const probes = {
  require: () => typeof require, process: () => typeof process, module: () => typeof module,
  globalProcess: () => typeof globalThis.process, ivm: () => typeof ivm,
  viaFunction: () => (({}).constructor.constructor('return typeof process')() === 'undefined' ? undefined : 'reachable'),
  viaError: () => { try { null.x(); } catch (e) { return typeof e.constructor.constructor('return this')().process; } },
  control: () => typeof globalThis.__questlineControl, report: () => typeof globalThis.__questlineReport,
  config: () => typeof globalThis.__questlineConfig, wasm: () => typeof WebAssembly, sab: () => typeof SharedArrayBuffer,
  fetch: () => typeof fetch, eval: () => typeof eval('globalThis.process'),
};
export function run() {
  const seen = Object.entries(probes).map(([k, f]) => k + '=' + f()).filter((s) => !s.endsWith('=undefined'));
  const globals = Object.getOwnPropertyNames(globalThis).filter((name) => /questline|^ivm$|^Reference$|^Callback$|ExternalCopy/i.test(name));
  return seen.length === 0 && globals.length === 0 ? 42 : seen.concat(globals).join(', ');
}`),
    );
    expect(attack(result).message).toBeUndefined();
    expect(result.verdict).toBe('passed');
  });

  test('import("fs") is refused inside a test', async () => {
    const result = await gradeThenRecover(hostile("export async function run() { const fs = await import('fs'); return fs ? 42 : 0; }"));
    expect(result.verdict).toBe('failed');
    expect(attack(result).status).toBe('error');
  });

  test.each(['child_process', 'node:os', 'worker_threads', 'net'])(
    'a static import of the Node built-in %s is an error verdict',
    async (name) => {
      const result = await gradeThenRecover(hostile(`import m from '${name}';\nexport const run = () => (m ? 42 : 0);`));
      expect(result).toMatchObject({ status: 'error', verdict: 'error' });
      expect(result.message).toContain(`Cannot import '${name}'`);
    },
  );

  test("a static import of 'fs' is the read-only in-memory one: no host file or folder is there", async () => {
    const result = await gradeThenRecover(
      hostile(`import fs from 'fs';
export const run = () => {
  const probes = ['/', '/etc', '/etc/passwd', '/proc/self/environ', '../../..', process_like()].map((p) => fs.existsSync(p));
  return probes.every((found) => found === false) && fs.readdirSync('.').length === 0 ? 42 : probes.join(',');
};
function process_like() { return '/exercise/../proc/self/cmdline'; }`),
    );
    expect(attack(result).message).toBeUndefined();
    expect(result.verdict).toBe('passed');
  });
});

describe('hostile thrown values and getters', () => {
  test('a thrown Proxy whose getters loop forever, inside a test, is a time_limit', async () => {
    const result = await gradeThenRecover(hostile('export function run() { throw new Proxy({}, { get() { for (;;) {} } }); }'));
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { testName: 'attack' } });
  });

  test('a rejected Proxy inside a test is a time_limit', async () => {
    const result = await gradeThenRecover(
      hostile('export function run() { return Promise.reject(new Proxy({}, { get() { for (;;) {} } })); }'),
    );
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { testName: 'attack' } });
  });

  test('a looping Proxy thrown from the module top level (escapes the isolate timeout) is stopped by the host', async () => {
    const result = await gradeThenRecover(
      hostile('throw new Proxy({}, { get() { for (;;) {} }, getPrototypeOf() { for (;;) {} } });\nexport const run = () => 42;'),
    );
    expect(['time_limit', 'error']).toContain(result.verdict);
    expect(result.verdict).not.toBe('passed');
  });

  test('thrown values with throwing getters fail the test with a readable message', async () => {
    const result = await gradeThenRecover(
      hostile(
        "export function run() { throw { get message() { throw new Error('gotcha'); }, get name() { throw 1; }, get stack() { throw 2; } }; }",
      ),
    );
    expect(result.verdict).toBe('failed');
    expect(attack(result).status).toBe('error');
    expect(typeof attack(result).message).toBe('string');
  });

  test('throwing null, a symbol or a number is just a failed test', async () => {
    for (const value of ['null', "Symbol('s')", '42n', 'undefined']) {
      const result = await grader.grade(hostile(`export function run() { throw ${value}; }`));
      expect(result.verdict).toBe('failed');
      expect(attack(result).message).toContain('Thrown:');
    }
  });
});

describe('output', () => {
  test('an output flood is capped at 500 characters per test with a truncation note', async () => {
    const result = await gradeThenRecover(
      hostile("export function run() { for (let i = 0; i < 200000; i++) console.log('x'.repeat(1000)); return 42; }", { timeMs: 3000 }),
    );
    expect(attack(result).status).toBe('pass');
    expect(attack(result).output!.length).toBeLessThan(600);
    expect(attack(result).output).toContain('Output was truncated. Please limit to 500 chars.');
  });

  test('an endless output flood is a time_limit', async () => {
    const result = await gradeThenRecover(hostile("export function run() { for (;;) console.log('spam'); }"));
    expect(result).toMatchObject({ verdict: 'time_limit', limit: { testName: 'attack' } });
  });

  test('printing a forged passing result does not change the verdict', async () => {
    const forged = JSON.stringify({ status: 'pass', verdict: 'passed', tests: [{ name: 'attack', status: 'pass' }] });
    const result = await gradeThenRecover(
      hostile(`export function run() { console.log(${JSON.stringify(forged)}); console.error('PASS'); return 41; }`),
    );
    expect(result.verdict).toBe('failed');
    expect(attack(result).status).toBe('fail');
    expect(attack(result).output).toContain('"verdict":"passed"');
  });
});

describe('tampering with the harness to fake a pass', () => {
  const solution = `
const attempts = {
  objectIs: () => { Object.is = () => true; },
  defineObjectIs: () => { Object.defineProperty(Object, 'is', { value: () => true }); },
  arrayEvery: () => { Array.prototype.every = () => true; },
  objectKeys: () => { Object.keys = () => []; },
  extend: () => { expect.extend({ toBe: () => ({ pass: true, message: () => '' }) }); },
  equalityTesters: () => { expect.addEqualityTesters([() => true]); },
  replaceExpect: () => { globalThis.expect = () => ({ toBe() {}, toEqual() {} }); },
  expectAny: () => { expect.any = () => expect.anything(); },
  expectNot: () => { expect.not.objectContaining = () => expect.anything(); },
  expectToBeOnNot: () => { Object.defineProperty(expect, 'objectContaining', { value: () => expect.anything() }); },
  replaceTest: () => { globalThis.test = () => {}; },
  matchersStore: () => { globalThis[Symbol.for('$$jest-matchers-object')].matchers.toBe = () => ({ pass: true }); },
  jsonStringify: () => { JSON.stringify = () => '{"tests":[]}'; },
  promiseThen: () => { Promise.prototype.then = function () {}; },
  prepareStackTrace: () => { Error.prepareStackTrace = () => ''; },
  reflectApply: () => { Reflect.apply = () => true; },
  functionCall: () => { Function.prototype.call = () => true; },
  iteratorNext: () => { Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true }); },
  errorToString: () => { Error.prototype.toString = () => ''; },
};
export const tampered = Object.entries(attempts).filter(([, f]) => { try { f(); return true; } catch { return false; } }).map(([k]) => k);
export const run = () => 41;
export const lookalike = () => ({ $$typeof: Symbol.for('jest.asymmetricMatcher'), asymmetricMatch: () => true });
class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
export const overrideStillWorks = () => { const e = new ValidationError('x'); function P() {} P.prototype.toString = () => 'p'; return e.name + String(new P()); };
`;
  const tests = `import { run, lookalike, tampered, overrideStillWorks } from './attack';
test('attack', () => { expect(run()).toBe(42); });
test('lookalike matcher', () => { expect(lookalike()).toEqual({ answer: 42 }); });
test('tampering was blocked', () => { expect(tampered).toEqual([]); });
test('ordinary overrides still work', () => { expect(overrideStillWorks()).toBe('ValidationErrorp'); });
`;

  test('patching intrinsics, expect or the test globals cannot turn a wrong answer into a pass', async () => {
    const result = await gradeThenRecover({
      language: 'javascript',
      solution: { fileName: 'attack.js', code: solution },
      tests: [{ fileName: 'attack.spec.js', code: tests, hidden: false }],
    });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ['attack', 'fail'],
      ['lookalike matcher', 'error'],
      ['tampering was blocked', 'pass'],
      ['ordinary overrides still work', 'pass'],
    ]);
    expect(result.verdict).toBe('failed');
  });
});

describe('hidden tests and state', () => {
  test('learner code cannot read a hidden test through stacks, callers, prepareStackTrace or globals', async () => {
    const probe = `
let found = 'nothing';
const scan = (text) => { const m = /SECRET-\\w+/.exec(String(text)); if (m) found = m[0]; };
export function probe() {
  try { scan(new Error().stack); } catch {}
  try { scan(probe.caller); } catch {}
  try { scan(String(arguments.callee.caller)); } catch {}
  try { Error.prepareStackTrace = (e, frames) => frames.map((f) => String(f.getFunction()) + String(f.getThis())).join(); scan(new Error().stack); } catch {}
  for (const key of Object.getOwnPropertyNames(globalThis)) { try { scan(String(globalThis[key])); } catch {} }
  return found;
}
export const run = () => 42;`;
    const result = await gradeThenRecover({
      language: 'javascript',
      solution: { fileName: 'attack.js', code: probe },
      tests: [
        {
          fileName: 'attack.spec.js',
          hidden: false,
          code: "import { run } from './attack';\ntest('visible', () => expect(run()).toBe(42));\n",
        },
        {
          fileName: 'attack.hidden.spec.js',
          hidden: true,
          code: "import { probe } from './attack';\ntest('hidden', () => { expect(probe()).toBe('SECRET-abc123'); });\n",
        },
      ],
    });
    expect(result.tests.map((t) => [t.name, t.status, t.hidden === true])).toEqual([
      ['visible', 'pass', false],
      ['hidden', 'fail', true],
    ]);
    expect(result.tests[1]!.message).toContain('Received: "nothing"');
    // Frames in the hidden test file are never shown.
    expect(result.tests[1]!.message).not.toContain('attack.hidden.spec.js');
  });

  test('nothing a grading leaves behind is visible to the next one', async () => {
    const first = await grader.grade(
      hostile("globalThis.leftover = 'x'; try { Object.prototype.polluted = 1; } catch {}\nexport const run = () => 42;"),
    );
    expect(first.verdict).toBe('passed');
    const second = await grader.grade(
      hostile("export const run = () => (typeof globalThis.leftover === 'undefined' && ({}).polluted === undefined ? 42 : 0);"),
    );
    expect(second.verdict).toBe('passed');
  });
});
