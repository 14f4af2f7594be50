// Plausible mistake: target.split('?') loses everything after a second '?'.
export function parseRequestLine(line: string): { method: string; target: string; path: string; query: string; version: string } {
  const text = line.replace(/\r?\n$/, '');
  const parts = text.split(' ');
  if (parts.length !== 3) throw new Error('Bad request line');
  const [method, target, version] = parts;
  if (!/^[A-Z]+$/.test(method)) throw new Error('Bad request line: method');
  if (!target.startsWith('/') && target !== '*') throw new Error('Bad request line: target');
  if (!/^HTTP\/\d\.\d$/.test(version)) throw new Error('Bad request line: version');
  const [path, query = ''] = target.split('?');
  return { method, target, path, query, version };
}
