/**
 * Classifies an HTTP status code.
 *
 * @param {unknown} code the status code to classify
 * @returns {'informational' | 'success' | 'redirect' | 'client error' | 'server error' | 'invalid'}
 */
export function statusClass(code) {
  if (typeof code !== 'number' || !Number.isInteger(code)) return 'invalid';
  if (code < 100 || code > 599) return 'invalid';
  if (code < 200) return 'informational';
  if (code < 300) return 'success';
  if (code < 400) return 'redirect';
  if (code < 500) return 'client error';
  return 'server error';
}
