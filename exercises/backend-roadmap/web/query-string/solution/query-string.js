function decode(text) {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * Parses "?a=1&b=2&b=3" into { a: '1', b: ['2', '3'] }.
 *
 * @param {string} qs
 * @returns {Record<string, string | string[]>}
 */
export function parseQuery(qs) {
  const result = Object.create(null);
  const text = qs.startsWith('?') ? qs.slice(1) : qs;
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = decode(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? '' : decode(piece.slice(eq + 1));
    if (!Object.hasOwn(result, key)) result[key] = value;
    else if (Array.isArray(result[key])) result[key].push(value);
    else result[key] = [result[key], value];
  }
  return result;
}

/**
 * Builds "a=1&b=2&b=3" from { a: 1, b: [2, 3] }.
 *
 * @param {Record<string, string | number | boolean | Array<string | number | boolean> | null | undefined>} params
 * @returns {string}
 */
export function stringifyQuery(params) {
  const pairs = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return pairs.join('&');
}
