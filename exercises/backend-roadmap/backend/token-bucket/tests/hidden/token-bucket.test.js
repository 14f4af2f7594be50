import { describe, expect, test } from '@jest/globals';
import { TokenBucket } from './token-bucket';

function setup(capacity, refillPerSecond, start = 0) {
  const clock = { t: start };
  return { clock, bucket: new TokenBucket({ capacity, refillPerSecond, now: () => clock.t }) };
}

describe('TokenBucket (hidden)', () => {
  test('other rates: 10 tokens per second', () => {
    const { clock, bucket } = setup(5, 10, 1_000_000);
    bucket.take(5);
    clock.t += 250;
    expect(bucket.tokens()).toBe(2.5);
    expect(bucket.take(3)).toEqual({ allowed: false, remaining: 2, retryAfterMs: 50 });
    expect(bucket.take(2)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  test('retryAfterMs is rounded up', () => {
    const { bucket } = setup(1, 3);
    bucket.take();
    expect(bucket.take().retryAfterMs).toBe(334);
  });

  test('slow refill: 1 token per minute', () => {
    const { clock, bucket } = setup(2, 1 / 60);
    bucket.take(2);
    clock.t = 30_000;
    expect(bucket.take()).toEqual({ allowed: false, remaining: 0, retryAfterMs: 30_000 });
    clock.t = 60_000;
    expect(bucket.take().allowed).toBe(true);
  });

  test('invalid arguments throw RangeError', () => {
    const { bucket } = setup(3, 1);
    expect(() => bucket.take(4)).toThrow(RangeError);
    expect(() => bucket.take(0)).toThrow(RangeError);
    expect(() => bucket.take(-1)).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0, now: () => 0 })).toThrow(RangeError);
  });

  test('a clock going backwards adds nothing and does not break', () => {
    const { clock, bucket } = setup(2, 1, 10_000);
    bucket.take(2);
    clock.t = 5_000;
    expect(bucket.tokens()).toBe(0);
    expect(bucket.take().allowed).toBe(false);
    clock.t = 6_000;
    expect(bucket.take()).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  test('refused requests do not consume tokens, and a burst after idling is capped', () => {
    const { clock, bucket } = setup(4, 2);
    for (let i = 0; i < 10; i++) bucket.take(4);
    clock.t = 10_000;
    const results = [1, 1, 1, 1, 1].map(() => bucket.take().allowed);
    expect(results).toEqual([true, true, true, true, false]);
  });
});
