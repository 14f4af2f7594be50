/**
 * Parses an HTTP header block ("Name: value" lines, ended by an empty line).
 *
 * @param {string} text
 * @returns {Record<string, string | string[]>} lower-cased names; set-cookie is always an array
 * @throws {Error} "Bad header ..." for a malformed line
 */
export function parseHeaders(text) {
  const headers = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon === -1) throw new Error(`Bad header: missing ':' in ${JSON.stringify(line)}`);
    const rawName = line.slice(0, colon);
    if (rawName === '' || /[ \t]/.test(rawName)) throw new Error(`Bad header: invalid name ${JSON.stringify(rawName)}`);
    const name = rawName.toLowerCase();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (name === 'set-cookie') {
      (headers[name] ??= []).push(value);
    } else if (Object.prototype.hasOwnProperty.call(headers, name)) {
      headers[name] = `${headers[name]}, ${value}`;
    } else {
      headers[name] = value;
    }
  }
  return headers;
}
