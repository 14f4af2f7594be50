/**
 * Computes the wait before each retry, doubling each time and capped at maxMs.
 *
 * @param {number} retries how many retries (0 or more)
 * @param {number} baseMs the first delay in milliseconds
 * @param {number} maxMs the largest allowed delay in milliseconds
 * @returns {number[]} one delay per retry
 */
export function backoffDelays(retries, baseMs, maxMs) {
  const delays = [];
  let delay = baseMs;
  for (let i = 0; i < retries; i++) {
    delays.push(Math.min(delay, maxMs));
    delay *= 2;
  }
  return delays;
}
