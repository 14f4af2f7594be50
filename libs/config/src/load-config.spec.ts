import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const SECRET = 'x'.repeat(40);

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-config-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies documented defaults', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dataDir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/questline',
      redisUrl: undefined,
      queue: { backend: 'postgres', prefix: '{questline}' },
      jwt: { secret: SECRET, ttlSeconds: 7 * 86_400 },
      worker: { concurrency: 2 },
      sandbox: { timeLimitMs: 2000, memoryLimitMb: 64 },
      maxPendingGradings: 5,
      logLevel: 'info',
      bodyLimit: '256kb',
      authRateLimit: 20,
      liveRevalidateMs: 30_000,
      dataDir,
    });
  });

  it('derives the queue backend from REDIS_URL unless QUEUE_BACKEND says otherwise', () => {
    const base = { JWT_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig(base).queue.backend).toBe('redis');
    expect(loadConfig({ ...base, QUEUE_BACKEND: 'postgres' }).queue.backend).toBe('postgres');
    expect(() => loadConfig({ JWT_SECRET: SECRET, QUEUE_BACKEND: 'redis' })).toThrow(/REDIS_URL: required when QUEUE_BACKEND=redis/);
  });

  it('names every bad variable and why', () => {
    let error: unknown;
    try {
      loadConfig({ JWT_SECRET: SECRET, PORT: 'eighty', DATABASE_URL: 'mysql://x/y', QUEUE_BACKEND: 'kafka', JWT_TTL: 'forever' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(message).toMatch(/DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//);
    expect(message).toMatch(/QUEUE_BACKEND: /);
    expect(message).toMatch(/JWT_TTL: must be a number of seconds or a duration/);
  });

  it('requires JWT_SECRET in production and never echoes a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('short-secret') }),
    );
  });

  it('generates a local JWT secret once, mode 0600, and reuses it', () => {
    const first = loadConfig({ DATA_DIR: dataDir }).jwt.secret;
    const file = path.join(dataDir, 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dataDir }).jwt.secret).toBe(first);
  });

  it('treats empty strings as unset and reads bare JWT_TTL numbers as seconds', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, PORT: '', REDIS_URL: ' ', JWT_TTL: '3600' });
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
    expect(config.jwt.ttlSeconds).toBe(3600);
  });
});
