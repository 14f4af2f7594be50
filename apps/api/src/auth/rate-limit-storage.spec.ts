import { ThrottlerStorageService } from '@nestjs/throttler';
import Redis from 'ioredis';
import type { AppConfig } from '@questline/config';
import { RedisThrottlerStorage, rateLimitNamespace } from './rate-limit-storage';

describe('rateLimitNamespace', () => {
  const config = (secret: string, prefix = 'ql') => ({ jwt: { secret, ttlSeconds: 60 }, queue: { backend: 'redis', prefix } }) as AppConfig;

  it('is one per deployment (queue prefix and JWT secret) and does not contain the secret', () => {
    const secret = 'a'.repeat(64);
    expect(rateLimitNamespace(config(secret))).toBe(rateLimitNamespace(config(secret)));
    expect(rateLimitNamespace(config(secret))).not.toBe(rateLimitNamespace(config('b'.repeat(64))));
    expect(rateLimitNamespace(config(secret))).not.toBe(rateLimitNamespace(config(secret, 'other')));
    expect(rateLimitNamespace(config(secret))).not.toContain(secret.slice(0, 8));
  });
});

describe('RedisThrottlerStorage without Redis', () => {
  it('falls back to its own memory and reports the outage', async () => {
    // A port nothing listens on; no offline queue, so commands fail at once.
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const errors: unknown[] = [];
    const storage = new RedisThrottlerStorage(redis, 'test', new ThrottlerStorageService(), (e) => errors.push(e));
    const first = await storage.increment('k', 60_000, 1, 60_000, 'default');
    const second = await storage.increment('k', 60_000, 1, 60_000, 'default');
    expect(first).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(second).toMatchObject({ totalHits: 2, isBlocked: true });
    expect(errors).toHaveLength(2);
    redis.disconnect();
  });
});
