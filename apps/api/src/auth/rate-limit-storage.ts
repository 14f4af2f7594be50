// The auth rate limiter's counters: in Redis when REDIS_URL is set, so every api process of a deployment
// counts against one budget per client; in memory otherwise (issue 12 item 9).
import { createHash } from 'node:crypto';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@questline/config';
import { DependencyOutages } from '../common/errors/outage-log';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');
const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

// One fixed window per key: the first hit sets its expiry. Past the limit the key is blocked for
// blockDuration (the guard answers 429 with Retry-After from it). Atomic, so concurrent processes agree.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]); blocked = tonumber(ARGV[3])
end
if blocked < 0 then blocked = 0 end
return {hits, ttl, blocked}`;

/**
 * Counters in Redis under `<namespace>:throttle:`. While Redis is unreachable each process falls back to its
 * own memory (a per-process limit is better than none or than refusing sign-in) and reports the outage once.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly fallback: ThrottlerStorage,
    private readonly onError: (error: unknown) => void,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.namespace}:throttle:${throttlerName}:${key}`;
    try {
      const [hits, ttlMs, blockedMs] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(ttlMs / 1000),
        isBlocked: blockedMs > 0,
        timeToBlockExpire: Math.ceil(blockedMs / 1000),
      };
    } catch (error) {
      this.onError(error);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}

/**
 * The namespace of a deployment's counters: its queue prefix and a digest of its JWT secret. Processes that
 * accept each other's tokens are one deployment and share a budget; two deployments (or two test runs) on
 * one Redis never mix. The digest cannot be turned back into the secret.
 */
export function rateLimitNamespace(config: AppConfig): string {
  const digest = createHash('sha256').update(`questline-rate-limit:${config.jwt.secret}`).digest('hex').slice(0, 16);
  return `${config.queue.prefix}:${digest}`;
}

@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [APP_CONFIG, DependencyOutages],
      useFactory: (config: AppConfig, outages: DependencyOutages): Redis | null => {
        if (!config.redisUrl) return null;
        // No offline queue: while Redis is away a sign-in falls back at once instead of waiting for a reconnect.
        const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
        redis.on('error', (error) => outages.report('rate limit redis', error));
        return redis;
      },
    },
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [RATE_LIMIT_REDIS, APP_CONFIG, DependencyOutages],
      useFactory: (redis: Redis | null, config: AppConfig, outages: DependencyOutages): ThrottlerStorage => {
        const memory = new ThrottlerStorageService();
        if (!redis) return memory;
        return new RedisThrottlerStorage(redis, rateLimitNamespace(config), memory, (error) => outages.report('rate limit redis', error));
      },
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
export class RateLimitStorageModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
