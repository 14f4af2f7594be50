import { describe, expect, test } from '@jest/globals';
import { parseHeaders } from './headers';

describe('parseHeaders (hidden)', () => {
  test('accepts bare \\n line endings and mixed-case repeated names', () => {
    expect(parseHeaders('X-Trace: 1\nx-trace: 2\nX-TRACE: 3\n')).toEqual({ 'x-trace': '1, 2, 3' });
  });

  test('several set-cookie headers keep commas inside values', () => {
    expect(parseHeaders('Set-Cookie: a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT\r\nset-cookie: b=2\r\nHost: h\r\n')).toEqual({
      'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'],
      host: 'h',
    });
  });

  test('empty input and empty values', () => {
    expect(parseHeaders('')).toEqual({});
    expect(parseHeaders('X-Empty:\r\nX-Spaces: \t \r\n')).toEqual({ 'x-empty': '', 'x-spaces': '' });
  });

  test('does not crash on names that exist on Object.prototype', () => {
    expect(parseHeaders('Constructor: yes\r\ntoString: no\r\n')).toEqual({ constructor: 'yes', tostring: 'no' });
  });

  test('rejects a space before the colon and an empty name', () => {
    expect(() => parseHeaders('Host : x\r\n')).toThrow(/^Bad header/);
    expect(() => parseHeaders(': x\r\n')).toThrow(/^Bad header/);
    expect(() => parseHeaders('Good: yes\r\nbroken line\r\n')).toThrow(/^Bad header/);
  });

  test('lines after the blank line are never validated', () => {
    expect(parseHeaders('A: 1\n\nnot a header at all')).toEqual({ a: '1' });
  });
});
