import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_GRADE_LIMITS } from '@questline/sandbox';
import { ConfigError } from './config-error';
import { gradeLimitDefaults, loadGradeLimitDefaults } from './grade-limits';
import { loadConfig } from './load-config';

describe('grade limit defaults', () => {
  it('are the platform defaults when nothing is set, for the api/worker config and the CLI alike', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-limits-'));
    try {
      expect(gradeLimitDefaults(loadConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: dataDir }))).toEqual(DEFAULT_GRADE_LIMITS);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(loadGradeLimitDefaults({})).toEqual(DEFAULT_GRADE_LIMITS);
    expect(loadGradeLimitDefaults({ SANDBOX_TIME_LIMIT_MS: ' ', SANDBOX_MEMORY_LIMIT_MB: '' })).toEqual(DEFAULT_GRADE_LIMITS);
  });

  it('follow SANDBOX_TIME_LIMIT_MS and SANDBOX_MEMORY_LIMIT_MB the same way in both', () => {
    const env = { SANDBOX_TIME_LIMIT_MS: '2500', SANDBOX_MEMORY_LIMIT_MB: '96' };
    expect(loadGradeLimitDefaults(env)).toEqual({ timeMs: 2500, memoryMb: 96 });
    expect(gradeLimitDefaults(loadConfig({ ...env, JWT_SECRET: 'x'.repeat(40), DATA_DIR: os.tmpdir() }))).toEqual({
      timeMs: 2500,
      memoryMb: 96,
    });
  });

  it('name a bad variable', () => {
    expect(() => loadGradeLimitDefaults({ SANDBOX_TIME_LIMIT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadGradeLimitDefaults({ SANDBOX_MEMORY_LIMIT_MB: '4' })).toThrow(
      /SANDBOX_MEMORY_LIMIT_MB: must be at least 8 \(got "4"\)/,
    );
  });
});
