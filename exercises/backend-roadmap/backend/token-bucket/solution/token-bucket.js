export class TokenBucket {
  #capacity;
  #rate;
  #now;
  #tokens;
  #last;

  /**
   * @param {{ capacity: number, refillPerSecond: number, now?: () => number }} options
   */
  constructor({ capacity, refillPerSecond, now = () => Date.now() }) {
    if (!(capacity > 0) || !(refillPerSecond > 0)) throw new RangeError('capacity and refillPerSecond must be positive');
    this.#capacity = capacity;
    this.#rate = refillPerSecond;
    this.#now = now;
    this.#tokens = capacity;
    this.#last = now();
  }

  #refill() {
    const t = this.#now();
    const elapsed = t - this.#last;
    if (elapsed > 0) this.#tokens = Math.min(this.#capacity, this.#tokens + (elapsed / 1000) * this.#rate);
    if (elapsed > 0 || t < this.#last) this.#last = t;
  }

  /**
   * @param {number} [n=1]
   * @returns {{ allowed: boolean, remaining: number, retryAfterMs: number }}
   */
  take(n = 1) {
    if (!(n > 0) || n > this.#capacity) throw new RangeError(`cannot take ${n} tokens`);
    this.#refill();
    if (this.#tokens >= n) {
      this.#tokens -= n;
      return { allowed: true, remaining: Math.floor(this.#tokens), retryAfterMs: 0 };
    }
    const retryAfterMs = Math.ceil(((n - this.#tokens) / this.#rate) * 1000);
    return { allowed: false, remaining: Math.floor(this.#tokens), retryAfterMs };
  }

  /** @returns {number} the current number of tokens (may be fractional) */
  tokens() {
    this.#refill();
    return this.#tokens;
  }
}
