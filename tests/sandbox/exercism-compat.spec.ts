// What Exercism's JavaScript and TypeScript tracks need from the grader beyond plain ES modules:
// CommonJS learner files, support files the exercise provides, and tests that replace Math.random or
// Date.now for determinism, without opening a way to forge a pass.
import { createGrader, type Grader, type GradeRequest, type SourceFile } from '@questline/sandbox';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

const TWO_FER_TESTS = `import { twoFer } from './two-fer';
test('no name', () => expect(twoFer()).toBe('One for you, one for me.'));
test('a name', () => expect(twoFer('Bo')).toBe('One for Bo, one for me.'));
`;

function request(solution: string, tests = TWO_FER_TESTS, supportFiles?: SourceFile[], fileName = 'two-fer.js'): GradeRequest {
  return {
    language: fileName.endsWith('.ts') ? 'typescript' : 'javascript',
    solution: { fileName, code: solution },
    ...(supportFiles ? { supportFiles } : {}),
    tests: [{ fileName: fileName.replace(/\.(js|ts)$/, '.spec.$1'), code: tests, hidden: false }],
  };
}

const statuses = (tests: Array<{ name: string; status: string }>) => tests.map((t) => `${t.status} ${t.name}`);

describe('CommonJS learner files', () => {
  test.each([
    ['module.exports = { ... }', "const twoFer = (name = 'you') => `One for ${name}, one for me.`;\nmodule.exports = { twoFer };"],
    ['exports.x = ...', "exports.twoFer = (name = 'you') => `One for ${name}, one for me.`;"],
    [
      'module.exports.x = ... in sloppy mode',
      "greeting = 'One for ';\nmodule.exports.twoFer = function (name) { return greeting + (name || 'you') + ', one for me.'; };",
    ],
    [
      'this is module.exports',
      "this.twoFer = (name = 'you') => `One for ${name}, one for me.`;\nif (this !== module.exports) throw new Error('this');",
    ],
  ])('%s passes', async (_label, solution) => {
    const result = await grader.grade(request(solution));
    expect(result.message).toBeUndefined();
    expect(statuses(result.tests)).toEqual(['pass no name', 'pass a name']);
    expect(result.verdict).toBe('passed');
  });

  test('a wrong CommonJS solution fails with the frame in its own file, lines unchanged', async () => {
    const result = await grader.grade(request("\nexports.twoFer = (name) => {\n  throw new Error('nope ' + __filename);\n};"));
    expect(result.verdict).toBe('failed');
    expect(result.tests[0]!.message).toMatch(/^Error: nope two-fer\.js\n\n\s+at .*two-fer\.js:3:9/);
  });

  test('the default import is module.exports (or its default when __esModule is set)', async () => {
    const tests = `import Counter from './counter';\ntest('counts', () => { const c = new Counter(); c.add(); expect(c.value).toBe(1); });\n`;
    const plain = await grader.grade(
      request('module.exports = class Counter { value = 0; add() { this.value++; } };', tests, undefined, 'counter.js'),
    );
    expect(statuses(plain.tests)).toEqual(['pass counts']);
    const interop = await grader.grade(
      request(
        "Object.defineProperty(exports, '__esModule', { value: true });\nexports.default = class { value = 0; add() { this.value++; } };",
        tests,
        undefined,
        'counter.js',
      ),
    );
    expect(statuses(interop.tests)).toEqual(['pass counts']);
  });

  test('load errors name the file: a syntax error, a throw, a missing export, require of anything else', async () => {
    const syntax = await grader.grade(request('module.exports = {;'));
    expect(syntax.verdict).toBe('error');
    expect(syntax.message).toMatch(/^Your file failed to load: SyntaxError: Unexpected token ';' \[two-fer\.js:1:\d+\]/);
    const thrown = await grader.grade(request("throw new Error('at load');\nmodule.exports = {};"));
    expect(thrown.message).toMatch(/^Your file failed to load: Error: at load/);
    const missing = await grader.grade(request('module.exports = { twoFor() {} };'));
    expect(missing.message).toMatch(/does not provide an export named 'twoFer'/);
    // 'fs' and 'path' are the read-only in-memory ones (exercism-fs.spec.ts); any other module is not there.
    const childProcess = await grader.grade(request("const cp = require('child_process');\nmodule.exports = { twoFer: () => cp };"));
    expect(childProcess.message).toMatch(
      /Cannot find module 'child_process' from two-fer\.js: only the exercise's own files can be required\./,
    );
  });

  test('closing the wrapper early gains nothing: no Jest API, the exports channel cannot be replaced', async () => {
    const solution = `exports.twoFer = () => 'One for you, one for me.';
});
let probe = [typeof test, typeof expect];
try { globalThis.__questlineCommonJs = () => ({ twoFer: () => 'One for Bo, one for me.' }); } catch (e) { probe.push(e.constructor.name); }
(function () {`;
    const result = await grader.grade(request(solution));
    // The wrapper's value is then the file's last function, which exports nothing.
    expect(result.verdict).toBe('error');
    expect(result.message).toMatch(/does not provide an export named 'twoFer'/);
    const probe = await grader.grade(
      request(solution.replace('(function () {', '(function (exports) {\nexports.twoFer = () => probe.join();')),
    );
    expect(probe.verdict).toBe('failed');
    expect(probe.tests[0]!.message).toContain('Received: "undefined,undefined"');
  });

  test('a TypeScript file may be CommonJS too (graded with typecheck: false: the checker reads ES modules)', async () => {
    const result = await grader.grade({
      ...request(
        "const twoFer = (name: string = 'you'): string => `One for ${name}, one for me.`;\nmodule.exports = { twoFer };",
        TWO_FER_TESTS.replace('', ''),
        undefined,
        'two-fer.ts',
      ),
      typecheck: false,
    });
    expect(statuses(result.tests)).toEqual(['pass no name', 'pass a name']);
  });
});

describe('support files the exercise provides', () => {
  const errors: SourceFile = {
    fileName: 'errors.js',
    code: 'export class ValueError extends Error { constructor() { super("Bank account error"); } }\n',
  };
  const cjsErrors: SourceFile = {
    fileName: 'errors.js',
    code: "class ValueError extends Error { constructor() { super('Bank account error'); } }\nmodule.exports = { ValueError };\n",
  };
  const accountTests = `import { open } from './bank';
import { ValueError } from './errors';
test('opens', () => expect(open(5)).toBe(5));
test('refuses a negative deposit', () => expect(() => open(-1)).toThrow(ValueError));
`;

  test('the solution and the tests import an ES support file', async () => {
    const solution = "import { ValueError } from './errors';\nexport const open = (n) => { if (n < 0) throw new ValueError(); return n; };";
    const result = await grader.grade(request(solution, accountTests, [errors], 'bank.js'));
    expect(statuses(result.tests)).toEqual(['pass opens', 'pass refuses a negative deposit']);
  });

  test('a CommonJS solution requires a CommonJS support file; an ES test imports both', async () => {
    const solution =
      "const { ValueError } = require('./errors');\nmodule.exports.open = (n) => { if (n < 0) throw new ValueError(); return n; };";
    const result = await grader.grade(request(solution, accountTests, [cjsErrors], 'bank.js'));
    expect(statuses(result.tests)).toEqual(['pass opens', 'pass refuses a negative deposit']);
  });

  test('an ES solution imports a CommonJS support file; one module instance for everyone', async () => {
    const solution =
      "import { ValueError } from './errors.js';\nexport const open = (n) => { if (n < 0) throw new ValueError(); return n; };";
    const result = await grader.grade(request(solution, accountTests, [cjsErrors], 'bank.js'));
    expect(statuses(result.tests)).toEqual(['pass opens', 'pass refuses a negative deposit']);
  });

  test('require of an ES support file, or of a file the exercise does not have, is a clear load error', async () => {
    const esm = await grader.grade(
      request("const e = require('./errors');\nmodule.exports.open = () => e;", accountTests, [errors], 'bank.js'),
    );
    expect(esm.message).toMatch(/Cannot require '\.\/errors' from bank\.js: errors\.js is an ES module; import it instead\./);
    const other = await grader.grade(
      request("import { x } from './other';\nexport const open = () => x;", accountTests, [errors], 'bank.js'),
    );
    expect(other.message).toMatch(
      /Cannot import '\.\/other': only the exercise's own files \('\.\/bank', '\.\/errors'\), 'fs' and 'path' can be imported\./,
    );
  });

  test('a support file that fails to load is named', async () => {
    const result = await grader.grade(
      request(
        "import './errors';\nexport const open = (n) => n;",
        accountTests,
        [{ fileName: 'errors.js', code: "throw new Error('broken support');\nexport class ValueError {}" }],
        'bank.js',
      ),
    );
    expect(result.verdict).toBe('error');
    expect(result.message).toMatch(/^Your file failed to load: Error: broken support\n\n\s+at errors\.js:1:7/);
    const cjs = await grader.grade(
      request(
        'export const open = (n) => n;',
        accountTests,
        [{ fileName: 'errors.js', code: "throw new Error('broken support');\nmodule.exports = {};" }],
        'bank.js',
      ),
    );
    expect(cjs.message).toMatch(/^The file errors\.js failed to load: Error: broken support/);
  });

  test('support file names are checked', async () => {
    const clash = await grader.grade(
      request('export const open = (n) => n;', accountTests, [{ fileName: 'bank.ts', code: '' }], 'bank.js'),
    );
    expect(clash.message).toMatch(/Support file name not allowed or used twice: bank\.ts/);
    const folder = await grader.grade(
      request('export const open = (n) => n;', accountTests, [{ fileName: '../x.js', code: '' }], 'bank.js'),
    );
    expect(folder.message).toMatch(/Support file name not allowed/);
  });
});

describe('tests may replace Math.random and Date.now', () => {
  const robot = `export const name = () => 'R' + Math.floor(Math.random() * 1000);\nexport const stamp = () => Date.now();\n`;

  test('by assignment and with jest.spyOn, restored by mockRestore', async () => {
    const tests = `import { name, stamp } from './robot';
const realRandom = Math.random;
test('assigned', () => { Math.random = () => 0.5; expect(name()).toBe('R500'); Math.random = realRandom; });
test('spied', () => {
  const spy = jest.spyOn(Math, 'random').mockReturnValue(0.25);
  expect(name()).toBe('R250');
  spy.mockRestore();
  expect(Math.random).toBe(realRandom);
});
test('Date.now', () => { jest.spyOn(Date, 'now').mockReturnValue(42); expect(stamp()).toBe(42); });
test('Date.now assigned', () => { Date.now = () => 7; expect(stamp()).toBe(7); });
`;
    const result = await grader.grade(request(robot, tests, undefined, 'robot.js'));
    expect(statuses(result.tests)).toEqual(['pass assigned', 'pass spied', 'pass Date.now', 'pass Date.now assigned']);
  });

  test('other statics stay locked, and a learner replacing Date.now cannot break or fake the run', async () => {
    const solution = `Date.now = () => { throw new Error('no clock'); };
Math.random = () => { throw new Error('no dice'); };
let abs;
try { Math.abs = () => 0; } catch (e) { abs = e.message; }
export const info = () => abs;
export const answer = () => 41;
`;
    const tests = `import { info, answer } from './attack';
test('Math.abs is read-only', () => expect(info()).toMatch(/read only/));
test('close to 42', () => expect(answer()).toBeCloseTo(42));
test('equal', () => expect(answer()).toEqual(42));
`;
    const result = await grader.grade(request(solution, tests, undefined, 'attack.js'));
    expect(statuses(result.tests)).toEqual(['pass Math.abs is read-only', 'fail close to 42', 'fail equal']);
    expect(result.verdict).toBe('failed');
    for (const test of result.tests) expect(test.durationMs).toBeGreaterThanOrEqual(0);
  });
});

test('timer helpers the tracks use: async advancing, next timer, jest.now()', async () => {
  const solution = `export async function poll(check, tries) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return i;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return -1;
}
`;
  const tests = `import { poll } from './poll';
test('async advance lets awaited timers chain', async () => {
  jest.useFakeTimers();
  let n = 0;
  const result = poll(async () => ++n === 3, 5);
  await jest.advanceTimersByTimeAsync(250);
  await expect(result).resolves.toBe(2);
  expect(jest.now()).toBe(250);
});
test('runAllTimersAsync and advanceTimersToNextTimer', async () => {
  const result = poll(async () => false, 3);
  await jest.runAllTimersAsync();
  await expect(result).resolves.toBe(-1);
  const f = jest.fn();
  setTimeout(f, 5000);
  jest.advanceTimersToNextTimer();
  expect(f).toHaveBeenCalledTimes(1);
});
`;
  const result = await grader.grade(request(solution, tests, undefined, 'poll.js'));
  expect(result.tests.map((t) => `${t.status} ${t.name} ${t.message ?? ''}`.trim())).toEqual([
    'pass async advance lets awaited timers chain',
    'pass runAllTimersAsync and advanceTimersToNextTimer',
  ]);
});
