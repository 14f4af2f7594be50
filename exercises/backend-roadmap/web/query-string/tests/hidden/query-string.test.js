import { describe, expect, test } from '@jest/globals';
import { parseQuery, stringifyQuery } from './query-string';

describe('parseQuery (hidden)', () => {
  test('cuts each pair at the first = only', () => {
    expect(parseQuery('token=abc==&expr=a=b')).toEqual({ token: 'abc==', expr: 'a=b' });
  });

  test('skips empty pieces and handles a lone ?', () => {
    expect(parseQuery('?&a=1&&b=&')).toEqual({ a: '1', b: '' });
    expect(parseQuery('?')).toEqual({});
  });

  test('%2B is a literal plus, keys are decoded too', () => {
    expect(parseQuery('sum=1%2B1&first+name=Ada')).toEqual({ sum: '1+1', 'first name': 'Ada' });
  });

  test('broken escapes are kept instead of throwing', () => {
    expect(parseQuery('p=100%&q=%E0%A4%A&ok=%41')).toEqual({ p: '100%', q: '%E0%A4%A', ok: 'A' });
  });

  test('three or more repeats, and repeats mixed with other keys', () => {
    expect(parseQuery('a=1&b=x&a=2&a=3')).toEqual({ a: ['1', '2', '3'], b: 'x' });
  });

  test('__proto__ and constructor are ordinary keys', () => {
    const parsed = parseQuery('__proto__=x&constructor=y&constructor=z');
    expect(Object.keys(parsed).sort()).toEqual(['__proto__', 'constructor']);
    expect(parsed.constructor).toEqual(['y', 'z']);
    expect(({}).x).toBeUndefined();
  });
});

describe('stringifyQuery (hidden)', () => {
  test('encodes reserved characters, booleans and empty arrays', () => {
    expect(stringifyQuery({ 'a&b': 'x=y', on: true, none: [], q: 'ü?' })).toBe('a%26b=x%3Dy&on=true&q=%C3%BC%3F');
  });

  test('round-trips through parseQuery', () => {
    const params = { search: 'c++ & rust', ids: ['1', '2', '3'], empty: '' };
    expect(parseQuery(stringifyQuery(params))).toEqual(params);
  });
});
