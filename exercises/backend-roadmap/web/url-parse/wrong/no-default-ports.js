// Plausible mistake: forgets the scheme's default port and does not lower-case the scheme.
export function parseUrl(text) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(text);
  if (!m) throw new Error('Invalid URL');
  const [, scheme, authority, path, query = '', fragment = ''] = m;
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  const [username, password = ''] = userinfo === '' ? [''] : [userinfo.split(':')[0], userinfo.split(':').slice(1).join(':')];
  const [hostname, portText] = hostPort.split(':');
  if (!hostname) throw new Error('Invalid URL: host');
  let port = null;
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText) || +portText < 1 || +portText > 65535) throw new Error('Invalid URL: port');
    port = Number(portText);
  }
  return { scheme, username, password, hostname: hostname.toLowerCase(), port, path: path || '/', query, fragment };
}
