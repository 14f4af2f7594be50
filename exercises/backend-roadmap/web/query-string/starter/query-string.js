/**
 * Parses "?a=1&b=2&b=3" into { a: '1', b: ['2', '3'] }.
 *
 * @param {string} qs
 * @returns {Record<string, string | string[]>}
 */
export function parseQuery(qs) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Builds "a=1&b=2&b=3" from { a: 1, b: [2, 3] }.
 *
 * @param {Record<string, string | number | boolean | Array<string | number | boolean> | null | undefined>} params
 * @returns {string}
 */
export function stringifyQuery(params) {
  throw new Error('Remove this line and implement the function');
}
