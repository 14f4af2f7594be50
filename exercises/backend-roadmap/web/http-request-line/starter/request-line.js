/**
 * Parses an HTTP request line such as "GET /index.html HTTP/1.1".
 *
 * @param {string} line
 * @returns {{ method: string, target: string, path: string, query: string, version: string }}
 * @throws {Error} "Bad request line ..." when the line is malformed
 */
export function parseRequestLine(line) {
  throw new Error('Remove this line and implement the function');
}
