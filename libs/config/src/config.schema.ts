// The one place that reads environment variables. Pure: no Nest, no I/O except the local JWT secret
// file (see jwt-secret.ts), so the api, the worker, the CLI and tests all share the same rules.
import { z } from 'zod';
import { DEFAULT_GRADE_LIMITS } from '@questline/sandbox';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/questline';

/** Positive integer read from a string env var. */
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** Raw environment schema. Keys are the exact variable names so error messages can name them. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default(DEFAULT_DATABASE_URL),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  QUEUE_BACKEND: z.enum(['redis', 'postgres']).optional(),
  QUEUE_PREFIX: z.string().min(1).default('{questline}'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL: z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be a number of seconds or a duration such as 15m, 12h, 7d')
    .default('7d'),
  WORKER_CONCURRENCY: int(1, 64).default(2),
  // Defaults of a grading whose exercise sets none: the platform's own (libs/sandbox) unless changed here.
  SANDBOX_TIME_LIMIT_MS: int(50, 60_000).default(DEFAULT_GRADE_LIMITS.timeMs),
  SANDBOX_MEMORY_LIMIT_MB: int(8, 1024).default(DEFAULT_GRADE_LIMITS.memoryMb),
  // The sandbox PostgreSQL for SQL exercises (docs/sql.md): an administrator of a cluster that holds no
  // application data. Unset: exercises with a database end in sandbox_error.
  SANDBOX_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  MAX_PENDING_GRADINGS: int(1, 1000).default(5),
  GRADING_STALL_INTERVAL_MS: int(500, 600_000).default(30_000),
  GRADING_SWEEP_INTERVAL_MS: int(0, 3_600_000).default(15_000),
  GRADING_SWEEP_AFTER_MS: int(100, 3_600_000).default(30_000),
  GRADING_MAX_ATTEMPTS: int(1, 100).default(5),
  // The publish check of an uploaded pack (a job on the workers): its overall sandbox-time budget, and how
  // long POST /api/packs waits for it before answering 202 with the check to follow.
  PACK_CHECK_BUDGET_MS: int(1000, 3_600_000).default(60_000),
  PACK_PUBLISH_WAIT_MS: int(0, 120_000).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'must be a size such as 256kb or 1mb')
    .default('256kb'),
  AUTH_RATE_LIMIT: int(1, 100_000).default(20),
  LIVE_REVALIDATE_MS: int(100, 3_600_000).default(30_000),
  DATA_DIR: z.string().min(1).optional(),
  WEB_DIR: z.string().min(1).optional(),
});

export type RawEnv = z.input<typeof envSchema>;
export type QueueBackend = 'redis' | 'postgres';
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = z.output<typeof envSchema>['LOG_LEVEL'];

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  databaseUrl: string;
  /** Set only when REDIS_URL is. */
  redisUrl?: string;
  queue: { backend: QueueBackend; prefix: string };
  jwt: { secret: string; ttlSeconds: number };
  worker: { concurrency: number };
  sandbox: { timeLimitMs: number; memoryLimitMb: number; databaseUrl?: string };
  /** Per learner: submissions queued or running before new ones are refused. */
  maxPendingGradings: number;
  /**
   * The grading pipeline's reliability knobs: how long a job may go without its worker's lock renewal
   * before another worker takes it (stallIntervalMs), how often the api sweeps (0 = never) for submissions
   * stuck longer than sweepAfterMs and re-enqueues them, and after how many worker starts it gives up.
   */
  grading: { stallIntervalMs: number; sweepIntervalMs: number; sweepAfterMs: number; maxAttempts: number };
  /** Publish checks: overall sandbox-time budget per pack; how long POST /api/packs waits before a 202. */
  packCheck: { budgetMs: number; publishWaitMs: number };
  logLevel: LogLevel;
  bodyLimit: string;
  /** Requests per minute per IP on /api/auth/*. */
  authRateLimit: number;
  /** How often each api process re-checks its sockets' users (deleted, role or password changed → disconnected). */
  liveRevalidateMs: number;
  /** Local state (the generated JWT secret, embedded Postgres data): `<project root>/.data` by default. */
  dataDir: string;
  /** Built web app served at `/` when the folder exists: `<project root>/dist/web` by default. */
  webDir: string;
}
