import { describe, expect, test } from '@jest/globals';
import { validate } from './validate';

const userSchema = {
  type: 'object',
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', minLength: 1 },
    email: { type: 'string' },
    age: { type: 'integer', min: 0, max: 150 },
    role: { enum: ['user', 'admin'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

describe('validate', () => {
  test('a valid payload has no errors', () => {
    expect(validate(userSchema, { name: 'Ada', email: 'ada@example.com', age: 36, role: 'admin', tags: ['math'] })).toEqual([]);
  });

  test('checks the type at the top level', () => {
    expect(validate({ type: 'string' }, 42)).toEqual(['$: expected string']);
  });

  test('reports missing required properties', () => {
    expect(validate(userSchema, { name: 'Ada' })).toEqual(['$.email: is required']);
  });

  test('reports wrong property types with their path', () => {
    expect(validate(userSchema, { name: 'Ada', email: 7 })).toEqual(['$.email: expected string']);
  });

  test('checks limits and enums', () => {
    expect(validate(userSchema, { name: '', email: 'a@b', age: -1, role: 'root' })).toEqual([
      '$.name: must be at least 1 characters',
      '$.age: must be >= 0',
      '$.role: must be one of user, admin',
    ]);
  });

  test('collects every problem, in order', () => {
    expect(validate(userSchema, { name: '', age: 200, tags: ['ok', 42], extra: true })).toEqual([
      '$.email: is required',
      '$.name: must be at least 1 characters',
      '$.age: must be <= 150',
      '$.tags[1]: expected string',
      '$.extra: unknown property',
    ]);
  });
});
