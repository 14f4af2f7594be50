// Plausible mistake: "every server error is temporary" (501 and 505 are not), and
// no validation of the input type.
const CLASSES = ['informational', 'success', 'redirection', 'client-error', 'server-error'];
export function statusClass(code) {
  if (code < 100 || code > 599) throw new RangeError('bad code');
  return CLASSES[Math.floor(code / 100) - 1];
}
export function isRetryable(code) {
  statusClass(code);
  return code >= 500 || code === 408 || code === 425 || code === 429;
}
