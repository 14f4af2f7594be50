/**
 * Classifies an HTTP status code.
 *
 * @param {unknown} code the status code to classify
 * @returns {'informational' | 'success' | 'redirect' | 'client error' | 'server error' | 'invalid'}
 */
export function statusClass(code) {
  throw new Error('Remove this line and implement the function');
}
