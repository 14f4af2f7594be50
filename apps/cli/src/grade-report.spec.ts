import type { GradeResult } from '@questline/sandbox';
import { formatGradeResult } from './grade-report';
import { limiter } from './grader';
import { memoryOutput } from './output';

describe('formatGradeResult', () => {
  it('shows each test, failure details, captured output, the limit and a summary', () => {
    const result: GradeResult = {
      status: 'fail',
      verdict: 'time_limit',
      durationMs: 2003.4,
      limit: { kind: 'time', testName: 'loops > forever' },
      tests: [
        { name: 'loops > once', status: 'pass', durationMs: 1.2, output: 'hello\nworld' },
        { name: 'loops > forever', status: 'error', durationMs: 2000, message: 'Time limit of 2000 ms exceeded', hidden: true },
      ],
    };
    expect(formatGradeResult(result, memoryOutput(), 'Loops')).toEqual([
      'Loops',
      '',
      '  ✓ loops > once (1 ms)',
      '      output:',
      '        hello',
      '        world',
      '  ✗ loops > forever [hidden] (2000 ms)',
      '      Time limit of 2000 ms exceeded',
      '',
      'Stopped: time limit reached while running "loops > forever".',
      '',
      'FAILED (time_limit): 1 passed, 1 failed of 2 tests in 2003 ms',
    ]);
  });

  it('colours marks only when asked', () => {
    const out = { ...memoryOutput(), color: true };
    const lines = formatGradeResult(
      { status: 'pass', verdict: 'passed', durationMs: 1, tests: [{ name: 't', status: 'pass', durationMs: 0 }] },
      out,
    );
    expect(lines[0]).toContain('\u001b[32m✓\u001b[0m');
    // eslint-disable-next-line no-control-regex -- the ANSI escape is what this test looks for
    expect(lines.at(-1)).toMatch(/^\u001b\[32mPASSED\u001b\[0m: 1 passed/);
  });
});

describe('limiter', () => {
  it('never runs more than n tasks at once and runs them all', async () => {
    const limit = limiter(2);
    let active = 0;
    let peak = 0;
    const task = (i: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active -= 1;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => limit(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
