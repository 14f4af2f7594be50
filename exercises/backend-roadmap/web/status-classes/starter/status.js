/**
 * @param {number} code an HTTP status code (integer 100..599)
 * @returns {'informational' | 'success' | 'redirection' | 'client-error' | 'server-error'}
 * @throws {RangeError} for anything that is not a valid status code
 */
export function statusClass(code) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @param {number} code an HTTP status code (integer 100..599)
 * @returns {boolean} true when repeating the same request later may succeed
 * @throws {RangeError} for anything that is not a valid status code
 */
export function isRetryable(code) {
  throw new Error('Remove this line and implement the function');
}
