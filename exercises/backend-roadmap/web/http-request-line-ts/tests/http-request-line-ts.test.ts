import { describe, expect, test } from '@jest/globals';
import { parseRequestLine } from './request-line';
import type { RequestLine } from './request-line';

describe('parseRequestLine', () => {
  test('splits a simple GET request line into its parts', () => {
    expect(parseRequestLine('GET /index.html HTTP/1.1')).toEqual({
      method: 'GET', target: '/index.html', path: '/index.html', query: '', version: 'HTTP/1.1',
    });
  });

  test('separates the path from the query string', () => {
    const req: RequestLine = parseRequestLine('GET /search?q=cats&page=2 HTTP/1.1');
    expect(req.path).toBe('/search');
    expect(req.query).toBe('q=cats&page=2');
    expect(req.target).toBe('/search?q=cats&page=2');
  });

  test('accepts other methods and versions', () => {
    expect(parseRequestLine('DELETE /users/7 HTTP/1.0')).toMatchObject({ method: 'DELETE', version: 'HTTP/1.0' });
  });

  test('ignores a trailing CRLF', () => {
    expect(parseRequestLine('POST /login HTTP/1.1\r\n').version).toBe('HTTP/1.1');
  });

  test('throws on a line with a missing part', () => {
    expect(() => parseRequestLine('GET /index.html')).toThrow(/^Bad request line/);
  });

  test('throws on a lower-case method', () => {
    expect(() => parseRequestLine('get / HTTP/1.1')).toThrow(/^Bad request line/);
  });
});
