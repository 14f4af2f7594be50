import { describe, expect, test } from '@jest/globals';
import { wordCount } from './word-count';

describe('wordCount', () => {
  test('counts a single word', () => {
    expect(wordCount('word')).toEqual({ word: 1 });
  });

  test('counts each word', () => {
    expect(wordCount('one of each')).toEqual({ one: 1, of: 1, each: 1 });
  });

  test('counts repeated words', () => {
    expect(wordCount('one fish two fish red fish blue fish')).toEqual({
      one: 1,
      fish: 4,
      two: 1,
      red: 1,
      blue: 1,
    });
  });

  test('ignores punctuation and case', () => {
    expect(wordCount('Olly, olly, in come free!')).toEqual({ olly: 2, in: 1, come: 1, free: 1 });
  });

  test('keeps apostrophes inside words', () => {
    expect(wordCount("Don't stop. DON'T!")).toEqual({ "don't": 2, stop: 1 });
  });

  test('a text without words gives an empty object', () => {
    expect(wordCount('')).toEqual({});
  });
});
