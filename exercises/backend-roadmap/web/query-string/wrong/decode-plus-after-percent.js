// Plausible mistake: decoding %XX first and then turning '+' into spaces
// makes "1%2B1" come out as "1 1".
function decode(text) {
  try { return decodeURIComponent(text).replace(/\+/g, ' '); } catch { return text.replace(/\+/g, ' '); }
}
export function parseQuery(qs) {
  const result = Object.create(null);
  for (const piece of qs.replace(/^\?/, '').split('&')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    const key = decode(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? '' : decode(piece.slice(eq + 1));
    if (!Object.hasOwn(result, key)) result[key] = value;
    else result[key] = [].concat(result[key], value);
  }
  return result;
}
export function stringifyQuery(params) {
  return Object.entries(params)
    .filter(([, v]) => v != null)
    .flatMap(([k, v]) => [].concat(v).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(String(x))}`))
    .join('&');
}
