// Small exercises shared by the sandbox specs.
import type { GradeRequest, TestFile } from '@questline/sandbox';

export const TWO_FER_TESTS = `import { describe, expect, test } from '@jest/globals';
import { twoFer } from './two-fer';

describe('twoFer()', () => {
  test('no name given', () => {
    expect(twoFer()).toEqual('One for you, one for me.');
  });

  test('a name given', () => {
    expect(twoFer('Alice')).toEqual('One for Alice, one for me.');
  });
});
`;

export const TWO_FER_SOLUTION = `export const twoFer = (name = 'you') => \`One for \${name}, one for me.\`;\n`;

export function twoFer(solution: string, extraTests: TestFile[] = [], limits?: GradeRequest['limits']): GradeRequest {
  return {
    language: 'javascript',
    solution: { fileName: 'two-fer.js', code: solution },
    tests: [{ fileName: 'two-fer.spec.js', code: TWO_FER_TESTS, hidden: false }, ...extraTests],
    ...(limits ? { limits } : {}),
  };
}

/** A solution whose module body is `body`, graded against a single test that calls `run()`. */
export function hostile(body: string, limits: GradeRequest['limits'] = { timeMs: 500 }): GradeRequest {
  return {
    language: 'javascript',
    solution: { fileName: 'attack.js', code: body },
    tests: [
      {
        fileName: 'attack.spec.js',
        hidden: false,
        code: `import { run } from './attack';\ntest('first', () => { expect(1).toBe(1); });\ntest('attack', async () => { expect(await run()).toBe(42); });\ntest('last', () => { expect(2).toBe(2); });\n`,
      },
    ],
    limits,
  };
}
