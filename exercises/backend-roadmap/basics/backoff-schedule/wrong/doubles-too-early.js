// Mistake: doubles before pushing, so the first delay is already 2 * baseMs.
export function backoffDelays(retries, baseMs, maxMs) {
  const delays = [];
  let delay = baseMs;
  for (let i = 0; i < retries; i++) {
    delay *= 2;
    delays.push(Math.min(delay, maxMs));
  }
  return delays;
}
