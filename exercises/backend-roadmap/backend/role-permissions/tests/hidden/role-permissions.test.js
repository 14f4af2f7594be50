import { describe, expect, test } from '@jest/globals';
import { createPolicy } from './access';

describe('createPolicy (hidden)', () => {
  test('inheritance is transitive', () => {
    const p = createPolicy({ a: { permissions: ['x:1'] }, b: { inherits: ['a'] }, c: { inherits: ['b'], permissions: ['x:3'] } });
    expect(p.can({ roles: ['c'] }, 'x:1')).toBe(true);
    expect(p.can({ roles: ['a'] }, 'x:3')).toBe(false);
  });

  test('cycles terminate', () => {
    const p = createPolicy({ a: { inherits: ['b'], permissions: ['a:go'] }, b: { inherits: ['a'], permissions: ['b:go'] } });
    expect(p.can({ roles: ['a'] }, 'b:go')).toBe(true);
    expect(p.can({ roles: ['b'] }, 'a:go')).toBe(true);
    expect(p.can({ roles: ['a'] }, 'c:go')).toBe(false);
  });

  test('wildcards match whole prefixes only', () => {
    const p = createPolicy({ r: { permissions: ['posts:*'] } });
    expect(p.can({ roles: ['r'] }, 'posts:comments:delete')).toBe(true);
    expect(p.can({ roles: ['r'] }, 'postsx:read')).toBe(false);
    expect(p.can({ roles: ['r'] }, 'posts')).toBe(false);
  });

  test('the requested permission is literal', () => {
    const p = createPolicy({ r: { permissions: ['posts:read'] }, w: { permissions: ['posts:*'] } });
    expect(p.can({ roles: ['r'] }, 'posts:*')).toBe(false);
    expect(p.can({ roles: ['w'] }, 'posts:*')).toBe(true);
  });

  test('unknown roles, missing lists and missing roles do not throw', () => {
    const p = createPolicy({ empty: {}, child: { inherits: ['ghost'] } });
    expect(p.can({ roles: ['ghost', 'empty', 'child'] }, 'a:b')).toBe(false);
    expect(p.can({}, 'a:b')).toBe(false);
    expect(p.can({ roles: ['toString', 'constructor'] }, 'a:b')).toBe(false);
  });

  test('two roles sharing a parent (diamond) still work', () => {
    const p = createPolicy({ base: { permissions: ['base:x'] }, l: { inherits: ['base'] }, r: { inherits: ['base'], permissions: ['r:x'] } });
    expect(p.can({ roles: ['l', 'r'] }, 'r:x')).toBe(true);
    expect(p.can({ roles: ['l', 'r'] }, 'base:x')).toBe(true);
  });
});
