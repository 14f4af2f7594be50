import { describe, expect, test } from '@jest/globals';
import { compareVersions, isAtLeast } from './compare-versions';

describe('compareVersions', () => {
  test('the same version is 0', () => {
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });

  test('an older patch is -1, a newer patch is 1', () => {
    expect(compareVersions('1.2.3', '1.2.4')).toBe(-1);
    expect(compareVersions('1.2.4', '1.2.3')).toBe(1);
  });

  test('the major version decides before the minor and patch', () => {
    expect(compareVersions('2.0.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.9.9', '2.0.0')).toBe(-1);
  });

  test('parts are compared as numbers, not as strings: 10 > 9', () => {
    expect(compareVersions('1.10.0', '1.9.3')).toBe(1);
    expect(compareVersions('1.9.3', '1.10.0')).toBe(-1);
  });

  test('the result is exactly -1 or 1, not the difference', () => {
    expect(compareVersions('1.0.0', '3.0.0')).toBe(-1);
    expect(compareVersions('1.5.0', '1.2.0')).toBe(1);
  });

  test('a missing part counts as 0', () => {
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('1.2', '1.2.1')).toBe(-1);
  });
});

describe('isAtLeast', () => {
  test('a newer version is enough', () => {
    expect(isAtLeast('20.11.1', '18.0.0')).toBe(true);
  });

  test('the same version is enough', () => {
    expect(isAtLeast('18.0.0', '18.0.0')).toBe(true);
  });

  test('an older version is not', () => {
    expect(isAtLeast('16.20.2', '18.0.0')).toBe(false);
  });
});
