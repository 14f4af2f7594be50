import type { GradeResult } from '@questline/sandbox';
import { toSubmissionView, type SubmissionViewSource } from './submission-view';

const result: GradeResult = {
  status: 'fail',
  verdict: 'failed',
  durationMs: 12,
  tests: [
    { name: 'visible', status: 'pass', durationMs: 1, testCode: 'expect(1)' },
    { name: 'secret edge case', status: 'fail', durationMs: 2, message: 'expected 7', output: 'dbg', testCode: 'SECRET', hidden: true },
  ],
  limit: { kind: 'time', testName: 'secret edge case' },
};

const row = (overrides: Partial<SubmissionViewSource> = {}): SubmissionViewSource => ({
  id: 's1',
  kind: 'submit',
  exerciseId: 'e1',
  status: 'completed',
  result,
  xpAwarded: 0,
  revealHiddenTestNames: false,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  completedAt: new Date('2026-01-01T00:00:01Z'),
  ...overrides,
});

describe('toSubmissionView', () => {
  it('masks hidden tests: no name, code, message, output or duration, and the limit names the masked test', () => {
    const view = toSubmissionView(row());
    expect(view.tests?.[1]).toEqual({
      name: 'Hidden test 1',
      status: 'fail',
      durationMs: 0,
      hidden: true,
      message: expect.not.stringContaining('7'),
    });
    expect(view.limit).toEqual({ kind: 'time', testName: 'Hidden test 1' });
    expect(JSON.stringify(view)).not.toContain('SECRET');
    expect(view.tests?.[0]).toMatchObject({ name: 'visible', testCode: 'expect(1)' });
  });

  it('keeps hidden test names when the exercise reveals them, never their code', () => {
    const view = toSubmissionView(row({ revealHiddenTestNames: true }));
    expect(view.tests?.[1].name).toBe('secret edge case');
    expect(view.tests?.[1].testCode).toBeUndefined();
  });

  it('shows no verdict or tests before completion, and no xpAwarded for a Run', () => {
    expect(toSubmissionView(row({ status: 'running', result: null, completedAt: null }))).toEqual({
      id: 's1',
      kind: 'submit',
      exerciseId: 'e1',
      status: 'running',
      createdAt: '2026-01-01T00:00:00.000Z',
      completedAt: null,
    });
    expect(toSubmissionView(row({ kind: 'run', xpAwarded: null })).xpAwarded).toBeUndefined();
    expect(toSubmissionView(row({ xpAwarded: 15 })).xpAwarded).toBe(15);
  });
});
