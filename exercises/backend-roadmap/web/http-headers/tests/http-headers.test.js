import { describe, expect, test } from '@jest/globals';
import { parseHeaders } from './headers';

describe('parseHeaders', () => {
  test('parses name/value pairs and lower-cases the names', () => {
    expect(parseHeaders('Host: example.com\r\nContent-Type: application/json\r\n\r\n')).toEqual({
      host: 'example.com',
      'content-type': 'application/json',
    });
  });

  test('trims spaces around the value and keeps colons inside it', () => {
    expect(parseHeaders('Host:   localhost:8080   \r\n')).toEqual({ host: 'localhost:8080' });
  });

  test('stops at the empty line before the body', () => {
    expect(parseHeaders('Accept: */*\r\n\r\nX-Not-A-Header: body text')).toEqual({ accept: '*/*' });
  });

  test('joins repeated headers with ", "', () => {
    expect(parseHeaders('Accept: text/html\r\nAccept: application/json\r\n')).toEqual({ accept: 'text/html, application/json' });
  });

  test('set-cookie is always an array', () => {
    expect(parseHeaders('Set-Cookie: a=1\r\n')).toEqual({ 'set-cookie': ['a=1'] });
  });

  test('throws on a line without a colon', () => {
    expect(() => parseHeaders('Host example.com\r\n')).toThrow(/^Bad header/);
  });
});
