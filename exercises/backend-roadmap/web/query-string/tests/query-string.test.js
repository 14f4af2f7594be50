import { describe, expect, test } from '@jest/globals';
import { parseQuery, stringifyQuery } from './query-string';

describe('parseQuery', () => {
  test('parses simple pairs, with or without the leading ?', () => {
    expect(parseQuery('?page=2&sort=name')).toEqual({ page: '2', sort: 'name' });
    expect(parseQuery('page=2')).toEqual({ page: '2' });
  });

  test('decodes + and percent escapes', () => {
    expect(parseQuery('q=red+shoes&city=S%C3%A3o%20Paulo')).toEqual({ q: 'red shoes', city: 'São Paulo' });
  });

  test('repeated keys become an array', () => {
    expect(parseQuery('tag=sale&tag=new')).toEqual({ tag: ['sale', 'new'] });
  });

  test('a key without = has an empty value', () => {
    expect(parseQuery('debug&x=1')).toEqual({ debug: '', x: '1' });
  });

  test('empty input gives an empty object', () => {
    expect(parseQuery('')).toEqual({});
  });
});

describe('stringifyQuery', () => {
  test('encodes keys and values and repeats array keys', () => {
    expect(stringifyQuery({ q: 'red shoes', size: 42, tag: ['sale', 'new'] })).toBe('q=red%20shoes&size=42&tag=sale&tag=new');
  });

  test('skips null and undefined', () => {
    expect(stringifyQuery({ a: 1, b: undefined, c: null })).toBe('a=1');
  });
});
