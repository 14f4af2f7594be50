/**
 * Returns a label for the kind of value it receives.
 *
 * @param {unknown} value any JavaScript value
 * @returns {string} one of 'string', 'number', 'nan', 'boolean', 'undefined', 'null',
 *   'array', 'object', 'function', 'bigint', 'symbol'
 */
export function typeLabel(value) {
  throw new Error('Remove this line and implement the function');
}
