import path from 'node:path';
import { ConfigError } from './config-error';
import { type AppConfig, envSchema } from './config.schema';
import { readOrCreateJwtSecret } from './jwt-secret';
import { findProjectRoot } from './project-root';

type Env = Record<string, string | undefined>;

/**
 * Validate the environment once, at boot, into a typed object. Throws a ConfigError naming each
 * bad variable. Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const cleaned: Env = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const given = typeof issue.path[0] === 'string' ? cleaned[issue.path[0]] : undefined;
      // Never echo secrets back into logs.
      const shown = given === undefined || /SECRET|PASSWORD/.test(name) ? '' : ` (got "${given}")`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];

  const backend = e.QUEUE_BACKEND ?? (e.REDIS_URL ? 'redis' : 'postgres');
  if (backend === 'redis' && !e.REDIS_URL) {
    problems.push('REDIS_URL: required when QUEUE_BACKEND=redis');
  }
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  if (e.SANDBOX_DATABASE_URL && sameDatabase(e.SANDBOX_DATABASE_URL, e.DATABASE_URL)) {
    problems.push("SANDBOX_DATABASE_URL: must not be the application's database (learner SQL runs there)");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const root = findProjectRoot();
  const dataDir = path.resolve(root, e.DATA_DIR ?? '.data');
  const webDir = path.resolve(root, e.WEB_DIR ?? 'dist/web');

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queue: { backend, prefix: e.QUEUE_PREFIX },
    jwt: { secret: e.JWT_SECRET ?? readOrCreateJwtSecret(dataDir), ttlSeconds: durationToSeconds(e.JWT_TTL) },
    worker: { concurrency: e.WORKER_CONCURRENCY },
    sandbox: {
      timeLimitMs: e.SANDBOX_TIME_LIMIT_MS,
      memoryLimitMb: e.SANDBOX_MEMORY_LIMIT_MB,
      ...(e.SANDBOX_DATABASE_URL ? { databaseUrl: e.SANDBOX_DATABASE_URL } : {}),
    },
    maxPendingGradings: e.MAX_PENDING_GRADINGS,
    grading: {
      stallIntervalMs: e.GRADING_STALL_INTERVAL_MS,
      sweepIntervalMs: e.GRADING_SWEEP_INTERVAL_MS,
      sweepAfterMs: e.GRADING_SWEEP_AFTER_MS,
      maxAttempts: e.GRADING_MAX_ATTEMPTS,
    },
    packCheck: { budgetMs: e.PACK_CHECK_BUDGET_MS, publishWaitMs: e.PACK_PUBLISH_WAIT_MS },
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    authRateLimit: e.AUTH_RATE_LIMIT,
    liveRevalidateMs: e.LIVE_REVALIDATE_MS,
    dataDir,
    webDir,
  };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "7d" → 604800. A bare number is seconds (jsonwebtoken would read a bare string as milliseconds). */
function durationToSeconds(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match) throw new ConfigError([`JWT_TTL: cannot parse "${value}"`]);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}

/** Same server and database (user and password aside). */
function sameDatabase(a: string, b: string): boolean {
  const key = (value: string) => {
    const u = new URL(value);
    return `${u.hostname}:${u.port || '5432'}/${u.pathname.slice(1) || 'postgres'}`;
  };
  return key(a) === key(b);
}

/** SANDBOX_DATABASE_URL for tools that load no AppConfig (the CLI, the api's publish check); undefined when unset. */
export function sandboxDatabaseUrl(env: Env = process.env): string | undefined {
  const value = env.SANDBOX_DATABASE_URL?.trim();
  return value ? value : undefined;
}
