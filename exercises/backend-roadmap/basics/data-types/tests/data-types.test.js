import { describe, expect, test } from '@jest/globals';
import { typeLabel } from './data-types';

describe('typeLabel', () => {
  test('strings are labelled string', () => {
    expect(typeLabel('questline')).toBe('string');
  });

  test('numbers are labelled number', () => {
    expect(typeLabel(42)).toBe('number');
    expect(typeLabel(3.14)).toBe('number');
  });

  test('booleans and undefined use their typeof name', () => {
    expect(typeLabel(true)).toBe('boolean');
    expect(typeLabel(undefined)).toBe('undefined');
  });

  test('null is labelled null, not object', () => {
    expect(typeLabel(null)).toBe('null');
  });

  test('arrays are labelled array, not object', () => {
    expect(typeLabel([1, 2, 3])).toBe('array');
  });

  test('plain objects are labelled object', () => {
    expect(typeLabel({ name: 'Ada' })).toBe('object');
  });

  test('NaN is labelled nan', () => {
    expect(typeLabel(0 / 0)).toBe('nan');
  });
});
