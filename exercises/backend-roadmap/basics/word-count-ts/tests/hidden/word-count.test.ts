import { describe, expect, test } from '@jest/globals';
import { wordCount } from './word-count';

const count = (text: string): Record<string, number> => wordCount(text);

describe('wordCount (hidden)', () => {
  test('words that exist on every object are counted like any other', () => {
    expect(count('constructor Constructor toString')).toEqual({ constructor: 2, tostring: 1 });
    expect(count('valueOf hasOwnProperty valueof')).toEqual({ valueof: 2, hasownproperty: 1 });
  });

  test('numbers are words', () => {
    expect(count('testing, 1, 2 testing')).toEqual({ testing: 2, 1: 1, 2: 1 });
  });

  test('any whitespace separates words', () => {
    expect(count('one,two,three\nfour\tfive  six')).toEqual({
      one: 1,
      two: 1,
      three: 1,
      four: 1,
      five: 1,
      six: 1,
    });
  });

  test('quotes around words are not part of them', () => {
    expect(count("Joe can't tell between 'large' and large.")).toEqual({
      joe: 1,
      "can't": 1,
      tell: 1,
      between: 1,
      large: 2,
      and: 1,
    });
  });

  test('only punctuation gives an empty object', () => {
    expect(count(' ,.!? ')).toEqual({});
  });

  test('a long text', () => {
    const text: string = 'go '.repeat(500) + 'stop '.repeat(250);
    expect(count(text)).toEqual({ go: 500, stop: 250 });
  });
});
