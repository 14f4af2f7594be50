/**
 * Computes the wait before each retry, doubling each time and capped at maxMs.
 *
 * @param {number} retries how many retries (0 or more)
 * @param {number} baseMs the first delay in milliseconds
 * @param {number} maxMs the largest allowed delay in milliseconds
 * @returns {number[]} one delay per retry
 */
export function backoffDelays(retries, baseMs, maxMs) {
  throw new Error('Remove this line and implement the function');
}
