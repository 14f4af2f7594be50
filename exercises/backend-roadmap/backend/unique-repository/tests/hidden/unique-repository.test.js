import { describe, expect, test } from '@jest/globals';
import { Repository, UniqueConstraintError } from './repository';

describe('Repository (hidden)', () => {
  test('a failed update changes nothing, and updating with own values is fine', () => {
    const repo = new Repository({ unique: ['email', 'handle'] });
    repo.insert({ email: 'a@x', handle: 'a' });
    repo.insert({ email: 'b@x', handle: 'b' });
    expect(() => repo.update(1, { email: 'new@x', handle: 'b' })).toThrow('handle already exists');
    expect(repo.findById(1)).toEqual({ id: 1, email: 'a@x', handle: 'a' });
    expect(repo.findBy('email', 'new@x')).toBeNull();
    expect(repo.update(1, { email: 'a@x', handle: 'a' })).toEqual({ id: 1, email: 'a@x', handle: 'a' });
  });

  test('the first violated constraint is reported; error has the right name', () => {
    const repo = new Repository({ unique: ['a', 'b'] });
    repo.insert({ a: 1, b: 1 });
    let error;
    try { repo.insert({ a: 1, b: 1 }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('UniqueConstraintError');
    expect(error.fields).toEqual(['a']);
  });

  test('null and undefined never collide; comparison is strict', () => {
    const repo = new Repository({ unique: ['email', ['x', 'y']] });
    repo.insert({ email: null, x: 1 });
    repo.insert({ email: null, x: 1 });
    repo.insert({});
    repo.insert({ email: 1 });
    expect(repo.insert({ email: '1' }).id).toBe(5);
    expect(repo.all()).toHaveLength(5);
  });

  test('ids are never reused; a failed insert does not burn an id; an id in data is ignored', () => {
    const repo = new Repository({ unique: ['k'] });
    repo.insert({ k: 1 });
    repo.insert({ k: 2 });
    repo.delete(2);
    expect(() => repo.insert({ k: 1 })).toThrow(UniqueConstraintError);
    expect(repo.insert({ k: 3, id: 100 })).toEqual({ id: 3, k: 3 });
    expect(repo.update(3, { id: 7, k: 4 })).toEqual({ id: 3, k: 4 });
    expect(repo.findById(7)).toBeNull();
  });

  test('stored records are isolated from callers', () => {
    const repo = new Repository();
    const input = { name: 'Ada' };
    const saved = repo.insert(input);
    input.name = 'changed';
    saved.name = 'changed';
    repo.findById(1).name = 'changed';
    repo.all()[0].name = 'changed';
    repo.findBy('name', 'Ada').name = 'changed';
    expect(repo.findById(1)).toEqual({ id: 1, name: 'Ada' });
  });

  test('findBy returns the lowest id; all() is in id order', () => {
    const repo = new Repository();
    repo.insert({ role: 'admin', n: 1 });
    repo.insert({ role: 'user', n: 2 });
    repo.insert({ role: 'user', n: 3 });
    repo.update(2, { n: 20 });
    expect(repo.findBy('role', 'user')).toEqual({ id: 2, role: 'user', n: 20 });
    expect(repo.all().map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
