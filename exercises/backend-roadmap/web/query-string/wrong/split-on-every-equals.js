// Plausible mistake: piece.split('=') drops everything after a second '=',
// and decodeURIComponent is not protected against broken escapes.
export function parseQuery(qs) {
  const result = {};
  for (const piece of qs.replace(/^\?/, '').split('&')) {
    if (!piece) continue;
    const [k, v = ''] = piece.split('=');
    const key = decodeURIComponent(k.replace(/\+/g, ' '));
    const value = decodeURIComponent(v.replace(/\+/g, ' '));
    if (!(key in result)) result[key] = value;
    else result[key] = [].concat(result[key], value);
  }
  return result;
}
export function stringifyQuery(params) {
  const pairs = [];
  for (const [key, value] of Object.entries(params)) {
    if (value == null) continue;
    for (const v of [].concat(value)) pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return pairs.join('&');
}
