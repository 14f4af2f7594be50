import { describe, expect, test } from '@jest/globals';
import { isRetryable, statusClass } from './status';

describe('statusClass', () => {
  test('2xx is success', () => {
    expect(statusClass(200)).toBe('success');
    expect(statusClass(201)).toBe('success');
  });

  test('4xx is a client error, 5xx a server error', () => {
    expect(statusClass(404)).toBe('client-error');
    expect(statusClass(503)).toBe('server-error');
  });

  test('1xx and 3xx', () => {
    expect(statusClass(101)).toBe('informational');
    expect(statusClass(301)).toBe('redirection');
  });

  test('throws a RangeError for codes outside 100..599', () => {
    expect(() => statusClass(600)).toThrow(RangeError);
  });
});

describe('isRetryable', () => {
  test('503 and 429 are worth retrying', () => {
    expect(isRetryable(503)).toBe(true);
    expect(isRetryable(429)).toBe(true);
  });

  test('400 and 404 are not', () => {
    expect(isRetryable(400)).toBe(false);
    expect(isRetryable(404)).toBe(false);
  });
});
