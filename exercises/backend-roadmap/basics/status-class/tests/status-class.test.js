import { describe, expect, test } from '@jest/globals';
import { statusClass } from './status-class';

describe('statusClass', () => {
  test('200 OK is a success', () => {
    expect(statusClass(200)).toBe('success');
  });

  test('404 Not Found is a client error', () => {
    expect(statusClass(404)).toBe('client error');
  });

  test('503 Service Unavailable is a server error', () => {
    expect(statusClass(503)).toBe('server error');
  });

  test('301 Moved Permanently is a redirect', () => {
    expect(statusClass(301)).toBe('redirect');
  });

  test('100 Continue is informational', () => {
    expect(statusClass(100)).toBe('informational');
  });

  test('codes outside 100-599 are invalid', () => {
    expect(statusClass(600)).toBe('invalid');
    expect(statusClass(42)).toBe('invalid');
  });

  test('a string is not a status code', () => {
    expect(statusClass('200')).toBe('invalid');
  });
});
