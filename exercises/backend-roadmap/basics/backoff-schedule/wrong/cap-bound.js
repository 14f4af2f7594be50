// Mistake: the cap only kicks in above twice the maximum (wrong bound in the comparison).
export function backoffDelays(retries, baseMs, maxMs) {
  const delays = [];
  for (let i = 1; i <= retries; i++) {
    const delay = baseMs * 2 ** (i - 1);
    delays.push(delay > maxMs * 2 ? maxMs : delay);
  }
  return delays;
}
