import { describe, expect, test } from '@jest/globals';
import { parseRequestLine } from './request-line';

describe('parseRequestLine (hidden)', () => {
  test('works for arbitrary methods, paths and versions', () => {
    expect(parseRequestLine('PURGE /cache/img/logo.png HTTP/2.0')).toEqual({
      method: 'PURGE', target: '/cache/img/logo.png', path: '/cache/img/logo.png', query: '', version: 'HTTP/2.0',
    });
  });

  test('only the first ? splits path and query; an empty query is allowed', () => {
    expect(parseRequestLine('GET /a?b=?c HTTP/1.1')).toMatchObject({ path: '/a', query: 'b=?c' });
    expect(parseRequestLine('GET /a? HTTP/1.1')).toMatchObject({ path: '/a', query: '' });
  });

  test('accepts the asterisk target and a bare \\n ending', () => {
    expect(parseRequestLine('OPTIONS * HTTP/1.1\n')).toMatchObject({ method: 'OPTIONS', target: '*', path: '*', query: '' });
  });

  test('rejects double spaces, leading and trailing spaces', () => {
    expect(() => parseRequestLine('GET  / HTTP/1.1')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine(' GET / HTTP/1.1')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('GET / HTTP/1.1 ')).toThrow(/^Bad request line/);
  });

  test('rejects bad targets and versions', () => {
    expect(() => parseRequestLine('GET index.html HTTP/1.1')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('GET / HTTP/1')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('GET / http/1.1')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('GET / HTTP/1.1x')).toThrow(/^Bad request line/);
  });

  test('rejects an empty line and too many parts', () => {
    expect(() => parseRequestLine('')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('GET / HTTP/1.1 extra')).toThrow(/^Bad request line/);
    expect(() => parseRequestLine('G3T / HTTP/1.1')).toThrow(/^Bad request line/);
  });
});
