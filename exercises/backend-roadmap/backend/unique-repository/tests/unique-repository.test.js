import { describe, expect, test } from '@jest/globals';
import { Repository, UniqueConstraintError } from './repository';

describe('Repository', () => {
  test('insert assigns increasing ids; findById finds them', () => {
    const repo = new Repository();
    expect(repo.insert({ name: 'Ada' })).toEqual({ id: 1, name: 'Ada' });
    expect(repo.insert({ name: 'Bob' })).toEqual({ id: 2, name: 'Bob' });
    expect(repo.findById(2)).toEqual({ id: 2, name: 'Bob' });
    expect(repo.findById(99)).toBeNull();
  });

  test('a unique field rejects duplicates', () => {
    const repo = new Repository({ unique: ['email'] });
    repo.insert({ email: 'ada@example.com' });
    expect(() => repo.insert({ email: 'ada@example.com' })).toThrow(UniqueConstraintError);
    expect(() => repo.insert({ email: 'ada@example.com' })).toThrow('email already exists');
    expect(repo.all()).toHaveLength(1);
  });

  test('composite constraints check fields together', () => {
    const repo = new Repository({ unique: [['tenantId', 'username']] });
    repo.insert({ tenantId: 1, username: 'ada' });
    expect(repo.insert({ tenantId: 2, username: 'ada' }).id).toBe(2);
    let error;
    try { repo.insert({ tenantId: 1, username: 'ada' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(UniqueConstraintError);
    expect(error.fields).toEqual(['tenantId', 'username']);
    expect(error.message).toBe('tenantId+username already exists');
  });

  test('update merges the patch and checks constraints', () => {
    const repo = new Repository({ unique: ['email'] });
    repo.insert({ email: 'a@x', name: 'A' });
    repo.insert({ email: 'b@x', name: 'B' });
    expect(repo.update(1, { name: 'Ada' })).toEqual({ id: 1, email: 'a@x', name: 'Ada' });
    expect(() => repo.update(1, { email: 'b@x' })).toThrow(UniqueConstraintError);
    expect(repo.update(42, { name: 'ghost' })).toBeNull();
  });

  test('delete frees unique values; findBy searches any field', () => {
    const repo = new Repository({ unique: ['email'] });
    repo.insert({ email: 'a@x' });
    expect(repo.delete(1)).toBe(true);
    expect(repo.delete(1)).toBe(false);
    expect(repo.insert({ email: 'a@x' })).toEqual({ id: 2, email: 'a@x' });
    expect(repo.findBy('email', 'a@x')).toEqual({ id: 2, email: 'a@x' });
    expect(repo.findBy('email', 'nobody')).toBeNull();
  });
});
