// Plausible mistake: treats set-cookie like every other header (joined with ", "),
// which corrupts cookies whose Expires attribute contains a comma.
export function parseHeaders(text) {
  const headers = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0 || /[ \t]/.test(line.slice(0, colon))) throw new Error('Bad header');
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers && Object.prototype.hasOwnProperty.call(headers, name) ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
