const DEFAULT_PORTS = { http: 80, ws: 80, https: 443, wss: 443 };

/**
 * @typedef {object} ParsedUrl
 * @property {string} scheme    lower case, e.g. 'https'
 * @property {string} username
 * @property {string} password
 * @property {string} hostname  lower case
 * @property {number | null} port  explicit port, else the scheme default (80/443) or null
 * @property {string} path      defaults to '/'
 * @property {string} query     without '?'
 * @property {string} fragment  without '#'
 */

/**
 * Splits an absolute URL into its parts.
 *
 * @param {string} text
 * @returns {ParsedUrl}
 * @throws {Error} "Invalid URL ..." when the URL is malformed
 */
export function parseUrl(text) {
  let rest = text;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q !== -1) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/.exec(rest);
  if (!m) throw new Error(`Invalid URL: missing or invalid scheme in ${JSON.stringify(text)}`);
  const scheme = m[1].toLowerCase();
  const afterScheme = m[2];
  const slash = afterScheme.indexOf('/');
  const authority = slash === -1 ? afterScheme : afterScheme.slice(0, slash);
  const path = slash === -1 ? '/' : afterScheme.slice(slash);

  let hostPort = authority;
  let username = '';
  let password = '';
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    hostPort = authority.slice(at + 1);
    const colon = userinfo.indexOf(':');
    username = colon === -1 ? userinfo : userinfo.slice(0, colon);
    password = colon === -1 ? '' : userinfo.slice(colon + 1);
  }

  let hostname = hostPort;
  let port = Object.hasOwn(DEFAULT_PORTS, scheme) ? DEFAULT_PORTS[scheme] : null;
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1) {
    hostname = hostPort.slice(0, colon);
    const portText = hostPort.slice(colon + 1);
    if (!/^\d+$/.test(portText)) throw new Error(`Invalid URL: bad port ${JSON.stringify(portText)}`);
    port = Number(portText);
    if (port < 1 || port > 65535) throw new Error(`Invalid URL: port out of range ${port}`);
  }
  if (hostname === '') throw new Error('Invalid URL: empty hostname');

  return { scheme, username, password, hostname: hostname.toLowerCase(), port, path, query, fragment };
}
