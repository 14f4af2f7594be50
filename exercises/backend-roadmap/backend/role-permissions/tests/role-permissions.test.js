import { describe, expect, test } from '@jest/globals';
import { createPolicy } from './access';

const makePolicy = () => createPolicy({
  viewer: { permissions: ['posts:read', 'comments:read'] },
  author: { inherits: ['viewer'], permissions: ['posts:write'] },
  moderator: { inherits: ['viewer'], permissions: ['comments:*'] },
  admin: { permissions: ['*'] },
});

describe('createPolicy().can', () => {
  test('a role grants its own permissions', () => {
    expect(makePolicy().can({ roles: ['viewer'] }, 'posts:read')).toBe(true);
    expect(makePolicy().can({ roles: ['viewer'] }, 'posts:write')).toBe(false);
  });

  test('roles inherit permissions', () => {
    expect(makePolicy().can({ roles: ['author'] }, 'posts:write')).toBe(true);
    expect(makePolicy().can({ roles: ['author'] }, 'comments:read')).toBe(true);
  });

  test('resource wildcards', () => {
    expect(makePolicy().can({ roles: ['moderator'] }, 'comments:delete')).toBe(true);
    expect(makePolicy().can({ roles: ['moderator'] }, 'posts:delete')).toBe(false);
  });

  test('the * wildcard allows everything', () => {
    expect(makePolicy().can({ roles: ['admin'] }, 'billing:refund')).toBe(true);
  });

  test('any of the user roles is enough; no roles means no access', () => {
    expect(makePolicy().can({ roles: ['viewer', 'moderator'] }, 'comments:delete')).toBe(true);
    expect(makePolicy().can({ roles: [] }, 'posts:read')).toBe(false);
  });
});
