/**
 * Parses an HTTP request line such as "GET /index.html HTTP/1.1".
 *
 * @param {string} line
 * @returns {{ method: string, target: string, path: string, query: string, version: string }}
 * @throws {Error} "Bad request line ..." when the line is malformed
 */
export function parseRequestLine(line) {
  if (typeof line !== 'string') throw new Error('Bad request line: not a string');
  const text = line.replace(/\r?\n$/, '');
  const parts = text.split(' ');
  if (parts.length !== 3) throw new Error(`Bad request line: expected 3 parts, got ${JSON.stringify(text)}`);
  const [method, target, version] = parts;
  if (!/^[A-Z]+$/.test(method)) throw new Error(`Bad request line: invalid method ${JSON.stringify(method)}`);
  if (target !== '*' && !target.startsWith('/')) throw new Error(`Bad request line: invalid target ${JSON.stringify(target)}`);
  if (!/^HTTP\/\d\.\d$/.test(version)) throw new Error(`Bad request line: invalid version ${JSON.stringify(version)}`);
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  return { method, target, path, query, version };
}
