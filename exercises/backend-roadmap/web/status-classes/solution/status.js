const CLASSES = ['informational', 'success', 'redirection', 'client-error', 'server-error'];
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

function check(code) {
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599) {
    throw new RangeError(`Not an HTTP status code: ${String(code)}`);
  }
}

/**
 * @param {number} code an HTTP status code (integer 100..599)
 * @returns {'informational' | 'success' | 'redirection' | 'client-error' | 'server-error'}
 * @throws {RangeError} for anything that is not a valid status code
 */
export function statusClass(code) {
  check(code);
  return CLASSES[Math.floor(code / 100) - 1];
}

/**
 * @param {number} code an HTTP status code (integer 100..599)
 * @returns {boolean} true when repeating the same request later may succeed
 * @throws {RangeError} for anything that is not a valid status code
 */
export function isRetryable(code) {
  check(code);
  return RETRYABLE.has(code);
}
