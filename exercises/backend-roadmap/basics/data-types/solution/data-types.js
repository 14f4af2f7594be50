/**
 * Returns a label for the kind of value it receives.
 *
 * @param {unknown} value any JavaScript value
 * @returns {string}
 */
export function typeLabel(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isNaN(value)) return 'nan';
  return typeof value;
}
