import { generateMutants } from './generate';
import { applyMutant, explainSurvivor, survivorDiff, viewMutant } from './describe';
import { mutantTimeLimit, mutationScore } from './run';

const changes = (code: string, fileName = 'solution.js') =>
  generateMutants(code, fileName).map((m) => `${m.id}: ${code.slice(m.start, m.end)} → ${m.replacement}`);

describe('generateMutants', () => {
  it('swaps arithmetic, comparison, boundary and logical operators', () => {
    const code = 'export const f = (a, b) => a + b > 2 && a <= b;\n';
    expect(changes(code)).toEqual(
      expect.arrayContaining([
        '1:30 arithmetic: + → -',
        '1:34 boundary: > → >=',
        '1:34 comparison: > → <=',
        '1:38 logical: && → ||',
        '1:43 boundary: <= → <',
        '1:43 comparison: <= → >',
        '1:36 number: 2 → 3',
      ]),
    );
  });

  it('forces if and ternary conditions both ways, loop conditions only false', () => {
    const code = 'export function f(n) {\n  if (n > 0) return 1;\n  while (n < 0) n++;\n  return n ? 2 : 3;\n}\n';
    const all = changes(code);
    expect(all).toEqual(
      expect.arrayContaining([
        '2:7 condition: n > 0 → true',
        '2:7 condition#2: n > 0 → false',
        '3:10 condition: n < 0 → false',
        '3:17 update: n++ → n--',
        '4:10 condition: n → true',
        '4:10 condition#2: n → false',
        '4:10 return: n ? 2 : 3 → undefined',
      ]),
    );
    expect(all).not.toContain('3:10 condition: n < 0 → true');
  });

  it('removes statements and calls, changes constants, return values and optional chaining', () => {
    const code = [
      'export function g(list, s, o) {',
      '  list.push(1);',
      '  const t = s.trim().toLowerCase();',
      '  if (!o?.ok) throw new Error("bad input");',
      "  return [t, 'x', true];",
      '}',
    ].join('\n');
    const all = changes(code);
    expect(all).toEqual(
      expect.arrayContaining([
        '2:3 statement: list.push(1); → ;',
        '3:13 method: s.trim() → s',
        '3:13 method#2: s.trim().toLowerCase() → s.trim()',
        '3:22 method: toLowerCase → toUpperCase',
        '4:7 condition: !o?.ok → true',
        '4:7 negation: !o?.ok → o?.ok',
        '4:9 optional-chaining: ?. → .',
        '4:15 statement: throw new Error("bad input"); → ;',
        "5:10 return: [t, 'x', true] → undefined",
        "5:10 array: [t, 'x', true] → []",
        '5:14 string: \'x\' → ""',
        '5:19 boolean: true → false',
      ]),
    );
    // An error's message is prose: changing it says nothing about the tests.
    expect(all.some((c) => c.includes('"bad input" →'))).toBe(false);
  });

  it('leaves types, imports and directives alone (TypeScript)', () => {
    const code = [
      "'use strict';",
      "import { x } from './x';",
      "type Mode = 'a' | 'b';",
      'export const n: 1 | 2 = 1 as 1;',
      "export function h(m: Mode = 'a'): number { return m === 'a' ? 1 : 2; }",
    ].join('\n');
    const all = changes(code, 'solution.ts');
    expect(all.filter((c) => /^[123]:/.test(c))).toEqual([]);
    expect(all).toContain('5:29 string: \'a\' → ""');
    expect(all).toContain('4:25 number: 1 → 0');
    expect(all.filter((c) => c.startsWith('4:'))).toHaveLength(1);
  });

  it('gives unique ids and applies each mutant as one text change that still parses', () => {
    const code = 'export const f = (a) => (a % 2 === 0 ? a / 2 : a * 3 + 1);\n';
    const mutants = generateMutants(code, 'f.js');
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    for (const m of mutants) {
      const mutated = applyMutant(code, m);
      expect(mutated).not.toBe(code);
      expect(generateMutants(mutated, 'f.js').length).toBeGreaterThan(0);
    }
  });
});

describe('viewing a survivor', () => {
  it('reads as a sentence and a two-line diff', () => {
    const code = 'export function within(x, max) {\n  return x < max;\n}\n';
    const mutant = generateMutants(code, 'w.js').find((m) => m.operator === 'boundary')!;
    const view = viewMutant(code, mutant);
    expect(view).toMatchObject({ id: '2:12 boundary', line: 2, original: '<', replacement: '<=' });
    expect(explainSurvivor(view)).toBe('your tests still pass when line 2 says `<=` instead of `<`');
    expect(survivorDiff(view)).toEqual(['2 - return x < max;', '  + return x <= max;']);
  });

  it('describes a removed statement', () => {
    const code = 'export function f(a) {\n  a.push(1);\n  return a;\n}\n';
    const view = viewMutant(
      code,
      generateMutants(code, 'f.js').find((m) => m.operator === 'statement')!,
    );
    expect(explainSurvivor(view)).toBe('your tests still pass when line 2 no longer runs `a.push(1);`');
    expect(view.after).toBe(';');
  });
});

describe('scoring', () => {
  it('rounds down to one decimal and is null when nothing was scored', () => {
    expect(mutationScore(9, 10)).toBe(90);
    expect(mutationScore(8997, 10000)).toBe(89.9);
    expect(mutationScore(0, 0)).toBeNull();
  });

  it('stops looping mutants early, within the exercise limit', () => {
    expect(mutantTimeLimit(4, 2000)).toBe(500);
    expect(mutantTimeLimit(80, 2000)).toBe(800);
    expect(mutantTimeLimit(500, 2000)).toBe(2000);
  });
});
