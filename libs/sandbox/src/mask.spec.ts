import { maskHiddenTests } from './mask';
import type { GradeResult } from './types';

const result: GradeResult = {
  status: 'fail',
  verdict: 'time_limit',
  message: 'Time limit exceeded while running "corner > negative"',
  durationMs: 12,
  limit: { kind: 'time', testName: 'corner > negative' },
  tests: [
    { name: 'visible', status: 'pass', testCode: 'expect(f(1)).toBe(2);', durationMs: 1 },
    {
      name: 'corner > zero',
      status: 'fail',
      message: 'Expected: 0',
      output: 'secret input 0',
      testCode: 'expect(f(0)).toBe(0);',
      durationMs: 2,
      hidden: true,
    },
    { name: 'corner > negative', status: 'error', message: 'Time limit', testCode: 'expect(f(-1)).toBe(-2);', durationMs: 3, hidden: true },
  ],
};

test('hidden tests lose their names, code, messages, output and durations; status stays', () => {
  const masked = maskHiddenTests(result);
  expect(masked.tests[0]).toBe(result.tests[0]);
  expect(masked.tests.slice(1)).toEqual([
    { name: 'Hidden test 1', status: 'fail', message: expect.any(String), durationMs: 0, hidden: true },
    { name: 'Hidden test 2', status: 'error', message: expect.any(String), durationMs: 0, hidden: true },
  ]);
  // Nor the total minus the visible tests.
  expect(masked.durationMs).toBe(1);
  expect(masked.limit).toEqual({ kind: 'time', testName: 'Hidden test 2' });
  expect(masked.message).toBe('Time limit exceeded while running "Hidden test 2"');
  expect(JSON.stringify(masked.tests)).not.toMatch(/corner|secret|f\(0\)|Expected: 0/);
});

test('revealNames keeps names but never code or output', () => {
  const masked = maskHiddenTests(result, { revealNames: true });
  expect(masked.tests[1]).toMatchObject({ name: 'corner > zero' });
  expect(masked.message).toBe(result.message);
  expect(masked.tests[1]!.testCode).toBeUndefined();
  expect(masked.tests[1]!.output).toBeUndefined();
});
