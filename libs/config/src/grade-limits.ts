// The default limits of a grading (for an exercise that sets none), read the same way by every path that
// builds a grade request: the worker and the api's publish check (from AppConfig), `questline grade` and
// `questline pack test` (from the environment, without the rest of the api's configuration).
import type { GradeLimits } from '@questline/sandbox';
import { ConfigError } from './config-error';
import { envSchema, type AppConfig } from './config.schema';

const limitsSchema = envSchema.pick({ SANDBOX_TIME_LIMIT_MS: true, SANDBOX_MEMORY_LIMIT_MB: true });

/** AppConfig's sandbox section as buildGradeRequest's `defaults`. */
export function gradeLimitDefaults(config: Pick<AppConfig, 'sandbox'>): GradeLimits {
  return { timeMs: config.sandbox.timeLimitMs, memoryMb: config.sandbox.memoryLimitMb };
}

/**
 * SANDBOX_TIME_LIMIT_MS / SANDBOX_MEMORY_LIMIT_MB from `env` (the platform defaults when unset), validated
 * like loadConfig does. For the CLI, which grades without the api's configuration.
 */
export function loadGradeLimitDefaults(env: Record<string, string | undefined> = process.env): GradeLimits {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(limitsSchema.shape)) {
    const value = env[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const parsed = limitsSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got "${cleaned[String(issue.path[0])]}")`),
    );
  }
  return { timeMs: parsed.data.SANDBOX_TIME_LIMIT_MS, memoryMb: parsed.data.SANDBOX_MEMORY_LIMIT_MB };
}
