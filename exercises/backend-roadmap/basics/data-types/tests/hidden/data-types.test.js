import { describe, expect, test } from '@jest/globals';
import { typeLabel } from './data-types';

describe('typeLabel (hidden)', () => {
  test('empty values keep their type', () => {
    expect(typeLabel('')).toBe('string');
    expect(typeLabel(0)).toBe('number');
    expect(typeLabel(-0)).toBe('number');
    expect(typeLabel(false)).toBe('boolean');
    expect(typeLabel([])).toBe('array');
    expect(typeLabel({})).toBe('object');
  });

  test('Infinity is a number and Number.NaN is nan', () => {
    expect(typeLabel(Infinity)).toBe('number');
    expect(typeLabel(-Infinity)).toBe('number');
    expect(typeLabel(Number.NaN)).toBe('nan');
    expect(typeLabel(Number('abc'))).toBe('nan');
  });

  test('strings that look like numbers are still strings', () => {
    expect(typeLabel('NaN')).toBe('string');
    expect(typeLabel('42')).toBe('string');
    expect(typeLabel('null')).toBe('string');
  });

  test('functions and classes are functions', () => {
    expect(typeLabel(() => 1)).toBe('function');
    expect(typeLabel(function named() {})).toBe('function');
    expect(typeLabel(class User {})).toBe('function');
  });

  test('bigint and symbol', () => {
    expect(typeLabel(10n)).toBe('bigint');
    expect(typeLabel(Symbol('id'))).toBe('symbol');
  });

  test('other objects are objects', () => {
    expect(typeLabel(new Date(0))).toBe('object');
    expect(typeLabel(Object.create(null))).toBe('object');
    expect(typeLabel(/re/)).toBe('object');
    expect(typeLabel([[], {}])).toBe('array');
  });
});
