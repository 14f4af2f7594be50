import { describe, expect, test } from '@jest/globals';
import { parseUrl } from './url';

describe('parseUrl', () => {
  test('a simple URL gets default port and path', () => {
    expect(parseUrl('http://example.com')).toEqual({
      scheme: 'http', username: '', password: '', hostname: 'example.com', port: 80, path: '/', query: '', fragment: '',
    });
  });

  test('every part of a full URL', () => {
    expect(parseUrl('https://ada:secret@API.Example.com:8443/v1/users?active=true#top')).toEqual({
      scheme: 'https', username: 'ada', password: 'secret', hostname: 'api.example.com', port: 8443,
      path: '/v1/users', query: 'active=true', fragment: 'top',
    });
  });

  test('https defaults to port 443', () => {
    expect(parseUrl('https://shop.example/cart').port).toBe(443);
  });

  test('path, query and fragment', () => {
    expect(parseUrl('http://h/a/b?x=1&y=2#sec')).toMatchObject({ path: '/a/b', query: 'x=1&y=2', fragment: 'sec' });
  });

  test('throws when the scheme is missing', () => {
    expect(() => parseUrl('example.com/path')).toThrow(/^Invalid URL/);
  });

  test('throws on a port that is not a number', () => {
    expect(() => parseUrl('http://example.com:http/')).toThrow(/^Invalid URL/);
  });
});
