import { describe, expect, test } from '@jest/globals';
import { loadConfig, parsePort, ValidationError } from './parse-config';

describe('ValidationError', () => {
  test('is an Error with a name and a field', () => {
    const err = new ValidationError('port is wrong', 'port');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe('port is wrong');
    expect(err.field).toBe('port');
  });
});

describe('parsePort', () => {
  test('accepts numbers and strings of digits', () => {
    expect(parsePort(8080)).toBe(8080);
    expect(parsePort('443')).toBe(443);
  });

  test('throws a ValidationError for an invalid port', () => {
    expect(() => parsePort('http')).toThrow(ValidationError);
    expect(() => parsePort(70000)).toThrow('port must be an integer between 1 and 65535');
  });
});

describe('loadConfig', () => {
  test('returns the settings when they are valid', () => {
    expect(loadConfig('{"host": "api.local", "port": "8080"}')).toEqual({
      ok: true,
      config: { host: 'api.local', port: 8080 },
    });
  });

  test('uses defaults for missing settings', () => {
    expect(loadConfig('{}')).toEqual({ ok: true, config: { host: 'localhost', port: 3000 } });
  });

  test('reports invalid JSON instead of throwing', () => {
    expect(loadConfig('{port: 80}')).toEqual({ ok: false, error: 'invalid JSON' });
  });

  test('reports which setting is wrong', () => {
    expect(loadConfig('{"port": 0}')).toEqual({
      ok: false,
      error: 'port must be an integer between 1 and 65535',
      field: 'port',
    });
  });
});
