/**
 * @typedef {object} ParsedUrl
 * @property {string} scheme    lower case, e.g. 'https'
 * @property {string} username
 * @property {string} password
 * @property {string} hostname  lower case
 * @property {number | null} port  explicit port, else the scheme default (80/443) or null
 * @property {string} path      defaults to '/'
 * @property {string} query     without '?'
 * @property {string} fragment  without '#'
 */

/**
 * Splits an absolute URL into its parts.
 *
 * @param {string} text
 * @returns {ParsedUrl}
 * @throws {Error} "Invalid URL ..." when the URL is malformed
 */
export function parseUrl(text) {
  throw new Error('Remove this line and implement the function');
}
