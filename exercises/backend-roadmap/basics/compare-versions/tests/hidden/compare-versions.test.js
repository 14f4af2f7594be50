import { describe, expect, test } from '@jest/globals';
import { compareVersions, isAtLeast } from './compare-versions';

describe('compareVersions (hidden)', () => {
  test('each position can decide', () => {
    expect(compareVersions('3.0.0', '4.0.0')).toBe(-1);
    expect(compareVersions('0.8.0', '0.7.9')).toBe(1);
    expect(compareVersions('5.4.2', '5.4.11')).toBe(-1);
    expect(compareVersions('7.1.0', '7.1.0')).toBe(0);
  });

  test('multi-digit parts against shorter ones', () => {
    expect(compareVersions('10.0.0', '9.0.0')).toBe(1);
    expect(compareVersions('1.0.100', '1.0.99')).toBe(1);
    expect(compareVersions('2.99.0', '2.100.0')).toBe(-1);
    expect(compareVersions('100.0.0', '20.0.0')).toBe(1);
  });

  test('a later part cannot outweigh an earlier one', () => {
    expect(compareVersions('1.2.99', '1.3.0')).toBe(-1);
    expect(compareVersions('2.0.0', '1.99.99')).toBe(1);
    expect(compareVersions('0.0.1', '0.1.0')).toBe(-1);
  });

  test('swapping the arguments flips the sign', () => {
    const pairs = [
      ['1.10.0', '1.9.3'],
      ['0.1.0', '0.0.9'],
      ['4.2.0', '4.2.0'],
      ['12.3', '12.3.0'],
    ];
    for (const [a, b] of pairs) {
      expect(compareVersions(b, a)).toBe(0 - compareVersions(a, b));
    }
  });

  test('versions with fewer parts', () => {
    expect(compareVersions('1', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1')).toBe(0);
    expect(compareVersions('2', '1.9.9')).toBe(1);
    expect(compareVersions('1.0.1', '1')).toBe(1);
    expect(compareVersions('3.1', '3.0.7')).toBe(1);
    expect(compareVersions('0.0.0', '0')).toBe(0);
  });

  test('versions with more than three parts', () => {
    expect(compareVersions('1.2.3.4', '1.2.3.10')).toBe(-1);
    expect(compareVersions('1.2.3.0', '1.2.3')).toBe(0);
  });

  test('zero versions and large numbers', () => {
    expect(compareVersions('0.0.0', '0.0.0')).toBe(0);
    expect(compareVersions('0.0.0', '0.0.1')).toBe(-1);
    expect(compareVersions('2024.12.31', '2024.2.1')).toBe(1);
  });

  test('differences larger than one still give exactly -1 or 1', () => {
    expect(compareVersions('9.0.0', '2.0.0')).toBe(1);
    expect(compareVersions('1.0.2', '1.0.40')).toBe(-1);
  });
});

describe('isAtLeast (hidden)', () => {
  test('minimum versions with two-digit parts', () => {
    expect(isAtLeast('1.10.0', '1.9.0')).toBe(true);
    expect(isAtLeast('1.9.0', '1.10.0')).toBe(false);
  });

  test('boundaries', () => {
    expect(isAtLeast('2.0.0', '2')).toBe(true);
    expect(isAtLeast('2.0.1', '2.0.2')).toBe(false);
    expect(isAtLeast('2.0.3', '2.0.2')).toBe(true);
  });

  test('returns a real boolean', () => {
    expect(isAtLeast('5.0.0', '4.0.0')).toBe(true);
    expect(isAtLeast('4.0.0', '5.0.0')).toBe(false);
  });
});
