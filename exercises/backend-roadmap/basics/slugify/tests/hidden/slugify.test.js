import { describe, expect, test } from '@jest/globals';
import { slugify } from './slugify';

describe('slugify (hidden)', () => {
  test('nothing left gives an empty string', () => {
    expect(slugify('')).toBe('');
    expect(slugify('!!!')).toBe('');
    expect(slugify('   ')).toBe('');
  });

  test('already a slug stays the same', () => {
    expect(slugify('already-a-slug')).toBe('already-a-slug');
    expect(slugify('abc123')).toBe('abc123');
  });

  test('tabs, newlines and underscores are separators', () => {
    expect(slugify('snake_case\tand\nlines')).toBe('snake-case-and-lines');
  });

  test('more accents and capitals', () => {
    expect(slugify('ÜBER Señor Ça Va?')).toBe('uber-senor-ca-va');
    expect(slugify('Crème Brûlée 101')).toBe('creme-brulee-101');
  });

  test('leading and trailing punctuation', () => {
    expect(slugify('"Quoted" (and) [bracketed]...')).toBe('quoted-and-bracketed');
    expect(slugify('--a--b--')).toBe('a-b');
  });

  test('a single word', () => {
    expect(slugify('API')).toBe('api');
    expect(slugify('x')).toBe('x');
  });
});
