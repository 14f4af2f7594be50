import { describe, expect, test } from '@jest/globals';
import { parseUrl } from './url';

describe('parseUrl (hidden)', () => {
  test('scheme is lower-cased; unknown schemes have no default port', () => {
    expect(parseUrl('FTP://Files.Example.org/pub')).toMatchObject({ scheme: 'ftp', hostname: 'files.example.org', port: null, path: '/pub' });
    expect(parseUrl('postgres+ssl://db:5432/app')).toMatchObject({ scheme: 'postgres+ssl', port: 5432, path: '/app' });
    expect(parseUrl('wss://chat.example')).toMatchObject({ port: 443 });
    expect(parseUrl('ws://chat.example')).toMatchObject({ port: 80 });
  });

  test('query and fragment directly after the host', () => {
    expect(parseUrl('http://h?x=1#f')).toMatchObject({ hostname: 'h', path: '/', query: 'x=1', fragment: 'f' });
    expect(parseUrl('http://h#frag?not-query')).toMatchObject({ hostname: 'h', path: '/', query: '', fragment: 'frag?not-query' });
  });

  test('user without password; @ inside the userinfo', () => {
    expect(parseUrl('https://bot@h.io/')).toMatchObject({ username: 'bot', password: '', hostname: 'h.io' });
    expect(parseUrl('https://me:p@ss@h.io/')).toMatchObject({ username: 'me', password: 'p@ss', hostname: 'h.io' });
  });

  test('a / or @ in the path does not confuse the authority', () => {
    expect(parseUrl('http://h.io/users/@ada:1')).toMatchObject({ hostname: 'h.io', port: 80, username: '', path: '/users/@ada:1' });
  });

  test('port boundaries', () => {
    expect(parseUrl('http://h:1').port).toBe(1);
    expect(parseUrl('http://h:65535').port).toBe(65535);
    expect(() => parseUrl('http://h:0')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('http://h:65536')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('http://h:-1')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('http://h:')).toThrow(/^Invalid URL/);
  });

  test('rejects empty hosts and bad schemes', () => {
    expect(() => parseUrl('http:///path')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('http://user@:80/')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('1http://h/')).toThrow(/^Invalid URL/);
    expect(() => parseUrl('http:/h/')).toThrow(/^Invalid URL/);
  });
});
