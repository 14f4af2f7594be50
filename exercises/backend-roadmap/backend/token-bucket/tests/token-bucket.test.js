import { describe, expect, test } from '@jest/globals';
import { TokenBucket } from './token-bucket';

function setup(capacity = 3, refillPerSecond = 1) {
  const clock = { t: 0 };
  return { clock, bucket: new TokenBucket({ capacity, refillPerSecond, now: () => clock.t }) };
}

describe('TokenBucket', () => {
  test('starts full and allows up to capacity requests', () => {
    const { bucket } = setup();
    expect(bucket.take()).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(bucket.take()).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(bucket.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  test('refuses when empty and says how long to wait', () => {
    const { bucket } = setup();
    bucket.take(3);
    expect(bucket.take()).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
  });

  test('tokens come back over time', () => {
    const { clock, bucket } = setup();
    bucket.take(3);
    clock.t = 500;
    expect(bucket.take()).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
    clock.t = 1000;
    expect(bucket.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  test('never refills above capacity', () => {
    const { clock, bucket } = setup();
    clock.t = 60_000;
    expect(bucket.tokens()).toBe(3);
  });

  test('take(n) is all or nothing', () => {
    const { bucket } = setup();
    bucket.take(2);
    expect(bucket.take(2)).toEqual({ allowed: false, remaining: 1, retryAfterMs: 1000 });
    expect(bucket.tokens()).toBe(1);
  });
});
