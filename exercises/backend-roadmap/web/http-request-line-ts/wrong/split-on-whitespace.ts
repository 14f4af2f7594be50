// Plausible mistake: splitting on any run of whitespace accepts "GET  / HTTP/1.1"
// and never validates the version format strictly.
export function parseRequestLine(line: string): { method: string; target: string; path: string; query: string; version: string } {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 3) throw new Error('Bad request line');
  const [method, target, version] = parts;
  if (!/^[A-Z]+$/.test(method)) throw new Error('Bad request line: method');
  if (!target.startsWith('/') && target !== '*') throw new Error('Bad request line: target');
  if (!version.startsWith('HTTP/')) throw new Error('Bad request line: version');
  const [path, query = ''] = target.split('?');
  return { method, target, path, query, version };
}
