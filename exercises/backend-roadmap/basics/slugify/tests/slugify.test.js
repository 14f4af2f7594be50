import { describe, expect, test } from '@jest/globals';
import { slugify } from './slugify';

describe('slugify', () => {
  test('lower-cases and joins words with hyphens', () => {
    expect(slugify('Hello World')).toBe('hello-world');
  });

  test('punctuation is replaced too', () => {
    expect(slugify('Hello, World!')).toBe('hello-world');
  });

  test('runs of separators become a single hyphen', () => {
    expect(slugify('Node.js   & TypeScript')).toBe('node-js-typescript');
  });

  test('no hyphens at the start or the end', () => {
    expect(slugify('  -- Questline --  ')).toBe('questline');
  });

  test('digits are kept', () => {
    expect(slugify('Top 10 APIs of 2025')).toBe('top-10-apis-of-2025');
  });

  test('accents are removed', () => {
    expect(slugify('Crème Brûlée')).toBe('creme-brulee');
  });
});
