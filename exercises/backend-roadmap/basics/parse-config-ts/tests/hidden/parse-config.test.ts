import { describe, expect, test } from '@jest/globals';
import { loadConfig, parsePort, ValidationError } from './parse-config';

function thrownBy(fn: () => unknown): any {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('parsePort (hidden)', () => {
  test('the boundaries 1 and 65535 are valid', () => {
    expect(parsePort(1)).toBe(1);
    expect(parsePort('65535')).toBe(65535);
  });

  test('rejects out-of-range, decimal and partly numeric values', () => {
    for (const bad of [0, 65536, -80, 8080.5, '80abc', '8080.5', '-1', '', ' 80', NaN] as unknown[]) {
      expect(() => parsePort(bad)).toThrow(ValidationError);
    }
  });

  test('rejects values of the wrong type', () => {
    for (const bad of [null, undefined, true, [80], { port: 80 }] as unknown[]) {
      const err = thrownBy(() => parsePort(bad));
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.field).toBe('port');
      expect(err.name).toBe('ValidationError');
    }
  });
});

describe('loadConfig (hidden)', () => {
  test('never throws on broken JSON', () => {
    for (const text of ['', 'not json', '{"port": 80', "{'port': 80}", 'undefined']) {
      expect(loadConfig(text)).toEqual({ ok: false, error: 'invalid JSON' });
    }
  });

  test('JSON that is not an object is rejected', () => {
    for (const text of ['null', '[]', '[{"port": 80}]', '42', '"config"', 'true']) {
      expect(loadConfig(text)).toEqual({ ok: false, error: 'config must be an object' });
    }
  });

  test('an invalid host is reported', () => {
    const expected = { ok: false, error: 'host must be a non-empty string', field: 'host' };
    expect(loadConfig('{"host": ""}')).toEqual(expected);
    expect(loadConfig('{"host": 42, "port": 80}')).toEqual(expected);
    expect(loadConfig('{"host": null}')).toEqual(expected);
  });

  test('numeric port, extra keys ignored', () => {
    expect(loadConfig('{"port": 65535, "debug": true, "host": "db"}')).toEqual({
      ok: true,
      config: { host: 'db', port: 65535 },
    });
  });

  test('invalid port values are reported with the port field', () => {
    for (const port of ['"80abc"', '8080.5', '-1', 'null', '"  "']) {
      expect(loadConfig(`{"port": ${port}}`)).toEqual({
        ok: false,
        error: 'port must be an integer between 1 and 65535',
        field: 'port',
      });
    }
  });
});
