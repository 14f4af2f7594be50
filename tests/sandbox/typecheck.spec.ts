// Type checking of TypeScript gradings, through the real grader (type-checker process + sandbox child):
// verdicts, diagnostics, opting out, type-level tests, masking, and hostile types (red team: a type that
// keeps the compiler busy or makes it allocate ends as a limit verdict, and the next grading works).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createGrader, maskHiddenTests, type Grader, type GradeRequest, type TestFile } from '@questline/sandbox';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

const SPEC = "import { twoFer } from './two-fer';\ntest('no name', () => { expect(twoFer()).toBe('One for you, one for me.'); });\n";
const GOOD = "export function twoFer(name: string = 'you'): string {\n  return `One for ${name}, one for me.`;\n}\n";
const BAD =
  "export function twoFer(name: string = 'you'): string {\n  const n: number = 'oops';\n  return `One for ${name}, one for me.`;\n}\n";

function ts(
  code: string,
  extra: Partial<GradeRequest> = {},
  tests: TestFile[] = [{ fileName: 'two-fer.spec.ts', code: SPEC, hidden: false }],
) {
  return { language: 'typescript', solution: { fileName: 'two-fer.ts', code }, tests, ...extra } satisfies GradeRequest;
}

describe('type checking', () => {
  test("`const n: number = 'oops'` is a compile_error with file, line, column, code and message; no test runs", async () => {
    const result = await grader.grade(ts(BAD));
    expect(result).toMatchObject({ status: 'error', verdict: 'compile_error', tests: [] });
    expect(result.diagnostics).toEqual([
      {
        file: 'two-fer.ts',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 10,
        code: 2322,
        message: "Type 'string' is not assignable to type 'number'.",
      },
    ]);
    expect(result.message).toBe("1 type error. two-fer.ts:2:9 TS2322: Type 'string' is not assignable to type 'number'.");
  });

  test('well-typed code passes, and `typecheck: false` grades the badly typed file as before (it passes)', async () => {
    expect((await grader.grade(ts(GOOD))).verdict).toBe('passed');
    expect((await grader.grade(ts(BAD, { typecheck: false }))).verdict).toBe('passed');
    // JavaScript is never type checked.
    const js = await grader.grade({
      language: 'javascript',
      solution: { fileName: 'two-fer.js', code: "export const twoFer = () => 'One for you, one for me.';" },
      tests: [{ fileName: 'two-fer.spec.js', code: SPEC, hidden: false }],
    });
    expect(js.verdict).toBe('passed');
  });

  test('the exercise sets the switches: strict can be relaxed, noUnusedLocals added', async () => {
    const implicitAny = "export function twoFer(name?) { return `One for ${name ?? 'you'}, one for me.`; }\n";
    expect((await grader.grade(ts(implicitAny))).diagnostics?.[0]).toMatchObject({ code: 7006 });
    expect((await grader.grade(ts(implicitAny, { typecheck: { strict: false } }))).verdict).toBe('passed');
    const unused = GOOD.replace('{\n', '{\n  const unused = 1;\n');
    expect((await grader.grade(ts(unused, { typecheck: { noUnusedLocals: true } }))).diagnostics?.[0]).toMatchObject({ code: 6133 });
  });

  test('type-level tests: expectTypeOf assertions pass at run time, and a failing one is a compile_error naming its test (`toBeString()` on `string | number`)', async () => {
    const typeTests = (): TestFile[] => [
      {
        fileName: 'two-fer.spec.ts',
        hidden: false,
        code: `import { twoFer } from './two-fer';
describe('types', () => {
  test('twoFer takes an optional string', () => { expectTypeOf(twoFer).parameters.toEqualTypeOf<[name?: string]>(); });
  test('twoFer returns a string', () => { expectTypeOf(twoFer).returns.toBeString(); expect(twoFer()).toBe('One for you, one for me.'); });
});
`,
      },
    ];
    const passing = await grader.grade(ts(GOOD, {}, typeTests()));
    expect(passing.verdict).toBe('passed');
    expect(passing.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    const failing = await grader.grade(
      ts("export function twoFer(name: string = 'you'): string | number { return name; }\n", {}, typeTests()),
    );
    expect(failing.verdict).toBe('compile_error');
    expect(failing.diagnostics).toEqual([
      expect.objectContaining({ file: 'two-fer.spec.ts', line: 4, code: 2554, testName: 'types > twoFer returns a string' }),
    ]);
  });

  test('a type error in a hidden test file is masked for learners (no position, no message)', async () => {
    const hidden: TestFile = {
      fileName: 'hidden.spec.ts',
      hidden: true,
      code: "import { twoFer } from './two-fer';\ntest('SECRET', () => { expect(twoFer(42)).toBe('One for 42, one for me.'); });\n",
    };
    const result = await grader.grade(ts(GOOD, {}, [{ fileName: 'two-fer.spec.ts', code: SPEC, hidden: false }, hidden]));
    expect(result.verdict).toBe('compile_error');
    const masked = maskHiddenTests(result);
    expect(masked.diagnostics).toEqual([expect.objectContaining({ file: 'hidden test', line: 1, column: 1, code: 2345, hidden: true })]);
    expect(JSON.stringify(masked)).not.toMatch(/SECRET|42|hidden\.spec/);
  });
});

describe('hostile types (red team)', () => {
  const D = "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';\ntype U = `${D}${D}${D}${D}`;\n";
  // Measured with tsc on its own: 45 s and 1.2 GB before TS2589.
  const HUNGRY = `${D}type M = { [K in U]: { [J in D]: { [L in D]: [K, J, L] } } };\ntype All = { [K in U]: M[K][D][D] }[U];\nexport const a: All = ['0000', '0', '0'];\n${GOOD}`;

  test('a type that keeps the compiler busy ends as a limit verdict, and the next TypeScript grading passes', async () => {
    const started = Date.now();
    const result = await grader.grade(ts(HUNGRY, { limits: { timeMs: 1000 } }));
    // Busy AND hungry: on a fast machine it reaches the checker's 768 MB ceiling before its time budget.
    // Either way a limit verdict, never a stuck worker.
    expect(['time_limit', 'memory_limit']).toContain(result.verdict);
    if (result.verdict === 'time_limit') {
      // The check's own budget is the grading's limit but at least 5 s (grader.ts); the watchdog adds 1.5 s.
      expect(result.message).toContain('type checking took longer than 5000 ms');
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await grader.grade(ts(GOOD))).verdict).toBe('passed');
  }, 60_000);

  test('a type that makes the compiler allocate without end ends as memory_limit at the checker RSS ceiling', async () => {
    const small = createGrader({ poolSize: 1, checkerRssLimitMb: 300 });
    try {
      const result = await small.grade(ts(HUNGRY, { limits: { timeMs: 10_000 } }));
      expect(result).toMatchObject({ verdict: 'memory_limit', limit: { kind: 'memory' } });
      expect(result.message).toContain('type checking went over 300 MB');
      expect((await small.grade(ts(BAD))).verdict).toBe('compile_error');
    } finally {
      await small.close();
    }
  }, 60_000);

  test('a triple-slash reference cannot read host files, and the messages show no host path', async () => {
    const result = await grader.grade(ts(`/// <reference path="/etc/passwd" />\n/// <reference lib="dom" />\n${GOOD}`));
    expect(result.verdict).toBe('compile_error');
    expect(JSON.stringify(result)).not.toMatch(/root:|\/work\/|node_modules/);
  });
});
