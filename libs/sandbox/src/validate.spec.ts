import { InvalidOutputError, parseGradeResult, parseHarnessOutput, parseProgressEvent } from './validate';

describe('parseHarnessOutput', () => {
  test('keeps only known fields, as fresh plain objects', () => {
    const json = JSON.stringify({
      tests: [{ name: 'a', status: 'pass', durationMs: 1.6, hidden: false, extra: 'dropped', __proto__: { polluted: true } }],
      limit: { kind: 'time', testName: 'a' },
    });
    const output = parseHarnessOutput(json.replace('"extra"', '"__proto__":{"x":1},"extra"'));
    expect(output).toEqual({ tests: [{ name: 'a', status: 'pass', durationMs: 2 }], limit: { kind: 'time', testName: 'a' } });
    expect(Object.getPrototypeOf(output.tests[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test.each([
    ['not JSON', '{'],
    ['no tests', '{}'],
    ['a bad status', '{"tests":[{"name":"a","status":"passed","durationMs":0}]}'],
    ['a non-string name', '{"tests":[{"name":1,"status":"pass","durationMs":0}]}'],
    ['a negative duration', '{"tests":[{"name":"a","status":"pass","durationMs":-1}]}'],
    ['a forged limit kind', '{"tests":[],"limit":{"kind":"none"}}'],
  ])('rejects %s', (_label, json) => {
    expect(() => parseHarnessOutput(json)).toThrow(InvalidOutputError);
  });

  test('caps long texts', () => {
    const output = parseHarnessOutput(
      JSON.stringify({ tests: [{ name: 'a', status: 'fail', message: 'x'.repeat(100_000), durationMs: 0 }] }),
    );
    expect(output.tests[0]!.message!.length).toBeLessThanOrEqual(8000);
  });
});

describe('parseProgressEvent', () => {
  test('reads registration and test events', () => {
    expect(parseProgressEvent('{"registered":["a","b"],"hidden":[false,true]}')).toEqual({
      kind: 'registered',
      names: ['a', 'b'],
      hidden: [false, true],
    });
    expect(
      parseProgressEvent(
        '{"batch":[{"index":0,"total":2,"test":{"name":"a","status":"pass","durationMs":0}},{"index":1,"total":2,"test":{"name":"b","status":"fail","durationMs":0}}]}',
      ),
    ).toMatchObject({
      kind: 'tests',
      tests: [
        { index: 0, total: 2, test: { name: 'a', status: 'pass' } },
        { index: 1, total: 2, test: { name: 'b', status: 'fail' } },
      ],
    });
  });

  test('rejects out-of-range indexes, anything but a batch, and oversized batches', () => {
    expect(() => parseProgressEvent('{"batch":[{"index":2,"total":2,"test":{"name":"b","status":"fail","durationMs":0}}]}')).toThrow(
      InvalidOutputError,
    );
    expect(() => parseProgressEvent('{"index":1,"total":2,"test":{"name":"b","status":"fail","durationMs":0}}')).toThrow(
      InvalidOutputError,
    );
    const big = JSON.stringify({
      batch: Array.from({ length: 1001 }, () => ({ index: 0, total: 1, test: { name: 'a', status: 'pass', durationMs: 0 } })),
    });
    expect(() => parseProgressEvent(big)).toThrow(InvalidOutputError);
  });
});

describe('parseGradeResult', () => {
  test('accepts a result and rejects an unknown verdict', () => {
    expect(parseGradeResult({ status: 'pass', verdict: 'passed', tests: [], durationMs: 3 })).toEqual({
      status: 'pass',
      verdict: 'passed',
      tests: [],
      durationMs: 3,
    });
    expect(() => parseGradeResult({ status: 'pass', verdict: 'accepted', tests: [], durationMs: 3 })).toThrow(InvalidOutputError);
  });
});

describe('TestResult.rows (a failed expectRows)', () => {
  const table = {
    columns: ['name', 'price'],
    rows: [
      ['Mouse', '19.5'],
      ['Pen', null],
    ],
    rowCount: 7,
  };
  const graded = (rows: unknown, status = 'fail') =>
    parseHarnessOutput(JSON.stringify({ tests: [{ name: 'a', status, durationMs: 1, rows }] })).tests[0]!;

  test('a well-formed comparison is kept, rebuilt field by field', () => {
    const rows = { problem: 'Row 1 differs.', ordered: false, expected: table, received: { ...table, extra: 1 } };
    expect(graded(rows).rows).toEqual({ problem: 'Row 1 differs.', ordered: false, expected: table, received: table });
  });

  test.each([
    ['cells that are not text', { ...table, rows: [[1, {}]] }],
    ['a row with the wrong number of cells', { ...table, rows: [['Mouse']] }],
    ['more than 20 rows', { ...table, rows: Array.from({ length: 21 }, () => ['a', 'b']), rowCount: 21 }],
    ['a rowCount below the rows shown', { ...table, rowCount: 1 }],
  ])('%s: the tables are dropped, the test result stays', (_label, received) => {
    const result = graded({ problem: 'x', ordered: true, expected: table, received });
    expect(result).toEqual({ name: 'a', status: 'fail', durationMs: 1 });
  });

  test('only a failing test carries tables', () => {
    expect(graded({ problem: 'x', ordered: true, expected: table, received: table }, 'pass')).not.toHaveProperty('rows');
  });
});
