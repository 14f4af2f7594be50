import { buildGradeRequest, DEFAULT_GRADE_LIMITS, type GradeRequestSource } from './grade-request';
import { SANDBOX_DEFAULTS } from './limits';

const exercise = (overrides: Partial<GradeRequestSource> = {}): GradeRequestSource => ({
  language: 'javascript',
  fileName: 'two-fer.js',
  visibleTests: [
    { fileName: 'two-fer.test.js', code: 'visible 1', hidden: false },
    { fileName: 'more.test.js', code: 'visible 2', hidden: false },
  ],
  hiddenTests: [{ fileName: 'hidden/two-fer.test.js', code: 'hidden 1', hidden: true }],
  ...overrides,
});

describe('buildGradeRequest', () => {
  it('grades the code under the exercise file name with the visible tests only on a Run', () => {
    expect(buildGradeRequest(exercise(), 'code')).toEqual({
      language: 'javascript',
      solution: { fileName: 'two-fer.js', code: 'code' },
      tests: [
        { fileName: 'two-fer.test.js', code: 'visible 1', hidden: false },
        { fileName: 'more.test.js', code: 'visible 2', hidden: false },
      ],
      limits: DEFAULT_GRADE_LIMITS,
    });
  });

  it('adds the hidden tests after the visible ones on a Submit', () => {
    const request = buildGradeRequest(exercise(), 'code', { includeHidden: true });
    expect(request.tests.map((t) => [t.fileName, t.hidden])).toEqual([
      ['two-fer.test.js', false],
      ['more.test.js', false],
      ['hidden/two-fer.test.js', true],
    ]);
  });

  it('decides the hidden flag from the list a test comes from, not from the flag it carries', () => {
    const request = buildGradeRequest(
      exercise({
        visibleTests: [{ fileName: 'a.test.js', code: 'a', hidden: true }],
        hiddenTests: [{ fileName: 'b.test.js', code: 'b', hidden: false }],
      }),
      '',
      { includeHidden: true },
    );
    expect(request.tests.map((t) => t.hidden)).toEqual([false, true]);
  });

  it("keeps the exercise's own limits and fills the others from the defaults", () => {
    expect(buildGradeRequest(exercise({ limits: { timeMs: 3000 } }), '').limits).toEqual({
      timeMs: 3000,
      memoryMb: DEFAULT_GRADE_LIMITS.memoryMb,
    });
    expect(buildGradeRequest(exercise({ limits: { memoryMb: 128 } }), '').limits).toEqual({
      timeMs: DEFAULT_GRADE_LIMITS.timeMs,
      memoryMb: 128,
    });
    expect(
      buildGradeRequest(exercise({ limits: { timeMs: 3000, memoryMb: 128 } }), '', { defaults: { timeMs: 1, memoryMb: 1 } }).limits,
    ).toEqual({
      timeMs: 3000,
      memoryMb: 128,
    });
    expect(buildGradeRequest(exercise(), '', { defaults: { timeMs: 2500, memoryMb: 96 } }).limits).toEqual({ timeMs: 2500, memoryMb: 96 });
  });

  it('defaults to the platform limits the grader falls back to', () => {
    expect(DEFAULT_GRADE_LIMITS).toEqual({ timeMs: SANDBOX_DEFAULTS.timeMs, memoryMb: SANDBOX_DEFAULTS.memoryMb });
  });

  it('copies the tests, so changing a request never changes the exercise (the worker caches exercises)', () => {
    const source = exercise();
    const request = buildGradeRequest(source, 'code', { includeHidden: true });
    request.tests[0].code = 'changed';
    request.tests.push({ fileName: 'x.test.js', code: 'x', hidden: false });
    expect(source.visibleTests[0].code).toBe('visible 1');
    expect(buildGradeRequest(source, 'code', { includeHidden: true }).tests).toHaveLength(3);
  });
});
