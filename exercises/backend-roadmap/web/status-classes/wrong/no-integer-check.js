// Plausible mistake: range check only, so 200.5 and '200' slip through.
const CLASSES = ['informational', 'success', 'redirection', 'client-error', 'server-error'];
const RETRYABLE = [408, 425, 429, 500, 502, 503, 504];
export function statusClass(code) {
  if (!(code >= 100 && code <= 599)) throw new RangeError('bad code');
  return CLASSES[Math.floor(code / 100) - 1];
}
export function isRetryable(code) {
  statusClass(code);
  return RETRYABLE.includes(code);
}
