// Plausible mistake: line.split(':') cuts "localhost:8080" in half, and
// repeated headers simply overwrite each other.
export function parseHeaders(text) {
  const headers = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const [name, value] = line.split(':');
    if (value === undefined || name === '' || /\s/.test(name)) throw new Error('Bad header');
    const key = name.toLowerCase();
    if (key === 'set-cookie') (headers[key] ??= []).push(value.trim());
    else headers[key] = value.trim();
  }
  return headers;
}
