// The checker on its own (no child process): what counts as a type error, where it is reported, and
// what it can read. The sandboxed path (watchdog, verdict, masking) is tested in tests/sandbox/typecheck.spec.ts.
import { describe, expect, test } from '@jest/globals';
import type { TestFile } from '../types';
import { typecheck, type CheckInput } from './checker';

const spec = (code: string, hidden = false): TestFile => ({ fileName: 'lib.spec.ts', code, hidden });

function check(
  solution: string,
  tests: TestFile[] = [spec("import { f } from './lib';\ntest('f', () => { expect(f()).toBe(1); });\n")],
  options = {},
) {
  const input: CheckInput = { solution: { fileName: 'lib.ts', code: solution }, tests, options, deadline: Date.now() + 20_000 };
  return typecheck(input);
}

function diagnostics(outcome: ReturnType<typeof typecheck>) {
  if (outcome.kind !== 'errors') throw new Error(`expected errors, got ${JSON.stringify(outcome)}`);
  return outcome.diagnostics;
}

describe('typecheck', () => {
  test('well-typed code with the Jest API, console and timers passes', () => {
    const outcome = check("export const f = (): number => { console.log('x'); setTimeout(() => {}, 1); return [1, 2].at(0) ?? 0; };\n", [
      spec(
        "import { describe, expect, it, jest } from '@jest/globals';\nimport { f } from './lib';\ndescribe('f', () => {\n  it('is 1', () => { expect(f()).toEqual(1); expect(f()).not.toBe(2); const m = jest.fn((n: number) => n); m(1); expect(m).toHaveBeenCalledWith(1); });\n  test.each([[1, 2]])('%i', (a, b) => { expect(a + b).toBe(3); });\n  xit('async', async () => { await expect(Promise.resolve(1)).resolves.toBe(1); });\n});\n",
      ),
    ]);
    expect(outcome.kind).toBe('ok');
  });

  test('a type error in the learner file has its file, position, code and message', () => {
    const [first, ...rest] = diagnostics(check("export const f = (): number => 1;\nconst n: number = 'oops';\n"));
    expect(rest).toEqual([]);
    expect(first).toEqual({
      file: 'lib.ts',
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 8,
      code: 2322,
      message: "Type 'string' is not assignable to type 'number'.",
    });
  });

  test('strict is on by default; an exercise can turn a switch off or add one', () => {
    const code = 'export function f(x?) { return 1; }\n';
    expect(diagnostics(check(code))[0]).toMatchObject({ code: 7006 });
    expect(check(code, undefined, { strict: false }).kind).toBe('ok');
    const unused = 'export const f = (): number => { const unused = 2; return 1; };\n';
    expect(check(unused).kind).toBe('ok');
    expect(diagnostics(check(unused, undefined, { noUnusedLocals: true }))[0]).toMatchObject({ code: 6133 });
  });

  test('a test calling the learner code wrongly is reported in the test file; hidden files are marked', () => {
    const found = diagnostics(
      check('export const f = (a: string): number => a.length;\n', [
        spec("import { f } from './lib';\ndescribe('f', () => { test('counts', () => { expect(f(3)).toBe(1); }); });\n", true),
      ]),
    );
    expect(found).toEqual([expect.objectContaining({ file: 'lib.spec.ts', line: 2, code: 2345, hidden: true, testName: 'f > counts' })]);
  });

  test('no DOM and no Node: document, process and require are not declared', () => {
    const codes = diagnostics(check('export const f = (): number => { document.title; process.exit(); return require("fs"); };\n')).map(
      (d) => d.code,
    );
    expect(codes).toEqual([2584, 2591, 2591]);
  });

  test('expectTypeOf: holding assertions pass, failing ones name both types and the test', () => {
    const tests = [
      spec(`import { f, Pair } from './lib';
test('types hold', () => {
  expectTypeOf(f).parameters.toEqualTypeOf<[string]>();
  expectTypeOf(f).returns.toBeNumber();
  expectTypeOf<Pair<1, 'a'>>().toEqualTypeOf<[1, 'a']>();
  expectTypeOf<Pair<1, 'a'>>().not.toEqualTypeOf<[1, 'b']>();
  expectTypeOf({ a: 1 }).toMatchTypeOf<{ a: number }>();
  expectTypeOf<string | null>().toBeNullable();
});
test('swap', () => {
  expectTypeOf<Pair<1, 'a'>>().toEqualTypeOf<['a', 1]>();
});
`),
    ];
    const found = diagnostics(check('export const f = (s: string): number => s.length;\nexport type Pair<A, B> = [A, B];\n', tests));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'lib.spec.ts', line: 11, code: 2344, testName: 'swap' });
    expect(found[0]!.message).toBe(`Type '["a", 1]' does not satisfy the constraint 'TypeMismatch<["a", 1], Pair<1, "a">>'.`);
  });

  test('imports other than the learner file and @jest/globals do not resolve, and no host file is read', () => {
    const found = diagnostics(
      check(
        '/// <reference path="/etc/passwd" />\n/// <reference lib="dom" />\nimport fs from "node:fs";\nimport { x } from "./other";\nexport const f = (): number => 1;\n',
      ),
    );
    expect(found.map((d) => [d.line, d.code])).toEqual([
      [1, 6231],
      [2, 6053],
      [3, 2591],
      [4, 2307],
    ]);
    expect(found[1]!.message).toBe("File '/questline/lib/lib.dom.d.ts' not found.");
  });

  test('a spent budget ends the check as `time`', () => {
    const outcome = typecheck({
      solution: { fileName: 'lib.ts', code: 'export const f = (): number => 1;\n' },
      tests: [],
      options: {},
      deadline: Date.now() - 1,
    });
    expect(outcome.kind).toBe('time');
  });
});
