import { describe, expect, test } from '@jest/globals';
import { Router } from './router';

describe('Router (hidden)', () => {
  test('the first added route wins', () => {
    const me = () => 'me';
    const byId = () => 'byId';
    const router = new Router().add('GET', '/users/me', me).add('GET', '/users/:id', byId);
    expect(router.match('GET', '/users/me')!.handler).toBe(me);
    expect(router.match('GET', '/users/you')).toEqual({ handler: byId, params: { id: 'you' } });
    const reversed = new Router().add('GET', '/users/:id', byId).add('GET', '/users/me', me);
    expect(reversed.match('GET', '/users/me')).toEqual({ handler: byId, params: { id: 'me' } });
  });

  test('segment counts must be equal and static segments are case-sensitive', () => {
    const h = () => 0;
    const router = new Router().add('GET', '/users/:id', h);
    expect(router.match('GET', '/users')).toBeNull();
    expect(router.match('GET', '/users/1/posts')).toBeNull();
    expect(router.match('GET', '/Users/1')).toBeNull();
    expect(router.match('GET', '/users//1/')).toEqual({ handler: h, params: { id: '1' } });
  });

  test('methods are case-insensitive', () => {
    const h = () => 0;
    const router = new Router().add('post', '/items', h);
    expect(router.match('POST', '/items')).toEqual({ handler: h, params: {} });
    expect(router.allowedMethods('/items')).toEqual(['POST']);
  });

  test('the root route matches only /', () => {
    const home = () => 'home';
    const router = new Router().add('GET', '/', home);
    expect(router.match('GET', '/')).toEqual({ handler: home, params: {} });
    expect(router.match('GET', '/?ref=x')).toEqual({ handler: home, params: {} });
    expect(router.match('GET', '/home')).toBeNull();
  });

  test('broken escapes are kept raw; encoded slashes stay inside one parameter', () => {
    const h = () => 0;
    const router = new Router().add('GET', '/files/:name', h);
    expect(router.match('GET', '/files/%E0%A4%A')!.params).toEqual({ name: '%E0%A4%A' });
    expect(router.match('GET', '/files/a%2Fb')!.params).toEqual({ name: 'a/b' });
  });

  test('allowedMethods: no duplicates, empty when nothing matches', () => {
    const router = new Router().add('GET', '/a/:x', () => 1).add('GET', '/a/b', () => 2).add('PUT', '/a/:y', () => 3);
    expect(router.allowedMethods('/a/b')).toEqual(['GET', 'PUT']);
    expect(router.allowedMethods('/zzz')).toEqual([]);
  });

  test('every match returns a fresh params object', () => {
    const router = new Router().add('GET', '/p/:id', () => 0);
    const first = router.match('GET', '/p/1')!;
    first.params.id = 'changed';
    expect(router.match('GET', '/p/1')!.params).toEqual({ id: '1' });
  });
});
