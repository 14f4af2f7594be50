import { depthMessage, inputProblem, isNulRefusal, MAX_JSON_DEPTH, NUL_MESSAGE, urlHasNul } from './input-policy';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('input policy', () => {
  it('finds NUL in strings, keys and arrays at any depth', () => {
    expect(inputProblem({ email: 'a\0b' })).toBe(NUL_MESSAGE);
    expect(inputProblem({ ['k\0']: 1 })).toBe(NUL_MESSAGE);
    expect(inputProblem({ list: [1, { deep: ['x', 'y\u0000'] }] })).toBe(NUL_MESSAGE);
    expect(inputProblem({ code: 'const s = "\\u0000";' })).toBeNull(); // an escaped NUL in source text is fine
  });

  it('limits nesting without recursing itself', () => {
    expect(inputProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(inputProblem(nested(MAX_JSON_DEPTH + 1))).toBe(depthMessage());
    expect(inputProblem(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(depthMessage());
  });

  it('accepts ordinary bodies', () => {
    expect(inputProblem({ email: 'a@b.c', password: 'pw', n: 1, ok: true, none: null })).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
  });

  it('finds literal and percent-encoded NUL in a URL', () => {
    expect(urlHasNul('/api/courses/a%00b')).toBe(true);
    expect(urlHasNul('/api/leaderboards?course=x%00')).toBe(true);
    expect(urlHasNul('/api/courses/a%2500b')).toBe(false);
    expect(urlHasNul('/api/courses/getting-started')).toBe(false);
  });

  it("recognises PostgreSQL's NUL refusals and nothing else", () => {
    const pg = { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' };
    expect(isNulRefusal({ message: pg.message, driverError: pg })).toBe(true);
    expect(isNulRefusal({ code: '22P05', message: 'unsupported Unicode escape sequence: \\u0000 cannot be converted to text.' })).toBe(
      true,
    );
    expect(isNulRefusal({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0xc3 0x28' })).toBe(false);
    expect(isNulRefusal({ code: '23505', message: 'duplicate key' })).toBe(false);
  });
});
