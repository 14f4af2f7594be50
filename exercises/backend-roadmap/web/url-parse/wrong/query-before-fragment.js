// Plausible mistake: cuts the query at the first '?' before removing the fragment,
// so "#frag?x" is read as a query, and parseInt accepts ports like "80abc".
const DEFAULTS = { http: 80, ws: 80, https: 443, wss: 443 };
export function parseUrl(text) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/.exec(text);
  if (!m) throw new Error('Invalid URL');
  const scheme = m[1].toLowerCase();
  let rest = m[2];
  let query = '';
  let fragment = '';
  const q = rest.indexOf('?');
  if (q !== -1) { query = rest.slice(q + 1); rest = rest.slice(0, q); }
  const h = (q !== -1 ? query : rest).indexOf('#');
  if (h !== -1) {
    if (q !== -1) { fragment = query.slice(h + 1); query = query.slice(0, h); } else { fragment = rest.slice(h + 1); rest = rest.slice(0, h); }
  }
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '/' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  const ci = userinfo.indexOf(':');
  const username = ci === -1 ? userinfo : userinfo.slice(0, ci);
  const password = ci === -1 ? '' : userinfo.slice(ci + 1);
  const pc = hostPort.lastIndexOf(':');
  const hostname = pc === -1 ? hostPort : hostPort.slice(0, pc);
  let port = DEFAULTS[scheme] ?? null;
  if (pc !== -1) {
    port = parseInt(hostPort.slice(pc + 1), 10);
    if (!(port >= 1 && port <= 65535)) throw new Error('Invalid URL: port');
  }
  if (!hostname) throw new Error('Invalid URL: host');
  return { scheme, username, password, hostname: hostname.toLowerCase(), port, path, query, fragment };
}
