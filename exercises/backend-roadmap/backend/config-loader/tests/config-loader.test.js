import { describe, expect, test } from '@jest/globals';
import { loadConfig } from './config';

const schema = {
  PORT: { type: 'number', default: 3000 },
  DEBUG: { type: 'boolean', default: false },
  DATABASE_URL: { type: 'string', required: true },
  LOG_LEVEL: { type: 'enum', values: ['debug', 'info', 'warn'], default: 'info' },
};

describe('loadConfig', () => {
  test('parses values by type', () => {
    expect(loadConfig(schema, { PORT: '8080', DEBUG: 'true', DATABASE_URL: 'postgres://db/app', LOG_LEVEL: 'warn' })).toEqual({
      PORT: 8080, DEBUG: true, DATABASE_URL: 'postgres://db/app', LOG_LEVEL: 'warn',
    });
  });

  test('uses defaults for missing variables', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'x' })).toEqual({ PORT: 3000, DEBUG: false, DATABASE_URL: 'x', LOG_LEVEL: 'info' });
  });

  test('booleans accept yes/no, 1/0, on/off', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'x', DEBUG: 'yes' }).DEBUG).toBe(true);
    expect(loadConfig(schema, { DATABASE_URL: 'x', DEBUG: '0' }).DEBUG).toBe(false);
  });

  test('a missing required variable throws', () => {
    expect(() => loadConfig(schema, {})).toThrow('Invalid config: DATABASE_URL is required');
  });

  test('reports every problem at once, in schema order', () => {
    expect(() => loadConfig(schema, { PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      'Invalid config: PORT must be a number; DATABASE_URL is required; LOG_LEVEL must be one of debug, info, warn',
    );
  });
});
