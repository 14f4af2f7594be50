export class TokenBucket {
  /**
   * @param {{ capacity: number, refillPerSecond: number, now?: () => number }} options
   */
  constructor(options) {
    throw new Error('Remove this line and implement the function');
  }

  /**
   * @param {number} [n=1]
   * @returns {{ allowed: boolean, remaining: number, retryAfterMs: number }}
   */
  take(n = 1) {
    throw new Error('Remove this line and implement the function');
  }

  /** @returns {number} the current number of tokens (may be fractional) */
  tokens() {
    throw new Error('Remove this line and implement the function');
  }
}
