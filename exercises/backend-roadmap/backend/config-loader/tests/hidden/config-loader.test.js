import { describe, expect, test } from '@jest/globals';
import { loadConfig } from './config';

describe('loadConfig (hidden)', () => {
  test('numbers are strict', () => {
    const s = { N: { type: 'number' } };
    expect(loadConfig(s, { N: '-1.5' })).toEqual({ N: -1.5 });
    expect(loadConfig(s, { N: ' 007 ' })).toEqual({ N: 7 });
    for (const bad of ['12abc', '1e3', '0x10', '.5', '1.', 'NaN', 'Infinity']) {
      expect(() => loadConfig(s, { N: bad })).toThrow('Invalid config: N must be a number');
    }
  });

  test('blank means missing; optional missing values are undefined', () => {
    const s = { A: { type: 'string' }, B: { type: 'string', default: 'dflt' }, C: { type: 'number', required: true } };
    const exact = (() => { try { loadConfig(s, { A: '  ', B: '', C: '\t' }); return 'no error'; } catch (e) { return e.message; } })();
    expect(exact).toBe('Invalid config: C is required');
    const ok = loadConfig(s, { A: '   ', C: '1' });
    expect(ok).toEqual({ A: undefined, B: 'dflt', C: 1 });
    expect(Object.keys(ok)).toEqual(['A', 'B', 'C']);
  });

  test('booleans are case-insensitive and strict', () => {
    const s = { F: { type: 'boolean' } };
    expect(loadConfig(s, { F: 'TRUE' }).F).toBe(true);
    expect(loadConfig(s, { F: 'Off' }).F).toBe(false);
    expect(() => loadConfig(s, { F: 'maybe' })).toThrow('Invalid config: F must be a boolean');
  });

  test('enums are case-sensitive; strings are trimmed; extra env vars are ignored', () => {
    const s = { MODE: { type: 'enum', values: ['dev', 'prod'] }, NAME: { type: 'string' } };
    expect(() => loadConfig(s, { MODE: 'PROD' })).toThrow('Invalid config: MODE must be one of dev, prod');
    expect(loadConfig(s, { MODE: ' prod ', NAME: '  api  ', HOME: '/root' })).toEqual({ MODE: 'prod', NAME: 'api' });
  });

  test('a default is used as is, even when it is not a string', () => {
    const s = { LIST: { type: 'string', default: null }, N: { type: 'number', default: 0 } };
    expect(loadConfig(s, {})).toEqual({ LIST: null, N: 0 });
  });
});
