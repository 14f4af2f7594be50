/**
 * Parses an HTTP header block ("Name: value" lines, ended by an empty line).
 *
 * @param {string} text
 * @returns {Record<string, string | string[]>} lower-cased names; set-cookie is always an array
 * @throws {Error} "Bad header ..." for a malformed line
 */
export function parseHeaders(text) {
  throw new Error('Remove this line and implement the function');
}
