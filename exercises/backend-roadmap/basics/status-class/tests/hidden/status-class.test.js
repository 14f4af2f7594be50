import { describe, expect, test } from '@jest/globals';
import { statusClass } from './status-class';

describe('statusClass (hidden)', () => {
  test('lower boundaries of every class', () => {
    expect(statusClass(100)).toBe('informational');
    expect(statusClass(200)).toBe('success');
    expect(statusClass(300)).toBe('redirect');
    expect(statusClass(400)).toBe('client error');
    expect(statusClass(500)).toBe('server error');
  });

  test('upper boundaries of every class', () => {
    expect(statusClass(199)).toBe('informational');
    expect(statusClass(299)).toBe('success');
    expect(statusClass(399)).toBe('redirect');
    expect(statusClass(499)).toBe('client error');
    expect(statusClass(599)).toBe('server error');
  });

  test('just outside the valid range', () => {
    expect(statusClass(99)).toBe('invalid');
    expect(statusClass(600)).toBe('invalid');
    expect(statusClass(0)).toBe('invalid');
    expect(statusClass(-200)).toBe('invalid');
  });

  test('non-integer numbers are invalid', () => {
    expect(statusClass(200.5)).toBe('invalid');
    expect(statusClass(NaN)).toBe('invalid');
    expect(statusClass(Infinity)).toBe('invalid');
  });

  test('non-numbers are invalid', () => {
    expect(statusClass('404')).toBe('invalid');
    expect(statusClass(null)).toBe('invalid');
    expect(statusClass(undefined)).toBe('invalid');
    expect(statusClass(true)).toBe('invalid');
    expect(statusClass([200])).toBe('invalid');
  });

  test('other common codes', () => {
    expect(statusClass(201)).toBe('success');
    expect(statusClass(418)).toBe('client error');
    expect(statusClass(302)).toBe('redirect');
    expect(statusClass(101)).toBe('informational');
  });
});
