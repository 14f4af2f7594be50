// Plausible mistake: standard base64 (with + / and = padding) instead of base64url.
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function enc(t) {
  let o = '';
  for (let i = 0; i < t.length; i += 3) {
    const n = (t.charCodeAt(i) << 16) | ((t.charCodeAt(i + 1) || 0) << 8) | (t.charCodeAt(i + 2) || 0);
    o += A[(n >> 18) & 63] + A[(n >> 12) & 63] + (i + 1 < t.length ? A[(n >> 6) & 63] : '=') + (i + 2 < t.length ? A[n & 63] : '=');
  }
  return o;
}
function dec(c) {
  c = c.replace(/=+$/, '');
  let o = '';
  for (let i = 0; i < c.length; i += 4) {
    const ch = c.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) { const v = j < ch.length ? A.indexOf(ch[j]) : 0; if (v < 0) throw new Error('Invalid cursor'); n = (n << 6) | v; }
    o += String.fromCharCode((n >> 16) & 255) + (ch.length > 2 ? String.fromCharCode((n >> 8) & 255) : '') + (ch.length > 3 ? String.fromCharCode(n & 255) : '');
  }
  return o;
}
export function encodeCursor(value) { return enc(JSON.stringify(value)); }
export function decodeCursor(cursor) {
  let v;
  try { v = JSON.parse(dec(cursor)); } catch { throw new Error('Invalid cursor'); }
  if (!v || typeof v !== 'object' || Array.isArray(v) || !['number', 'string'].includes(typeof v.id)) throw new Error('Invalid cursor');
  return v;
}
export function paginate(items, { limit = 10, after } = {}) {
  const n = Math.min(100, Math.max(1, limit));
  const c = after === undefined ? null : decodeCursor(after);
  const start = c ? items.findIndex((it) => it.createdAt > c.createdAt || (it.createdAt === c.createdAt && it.id > c.id)) : 0;
  if (start < 0) return { items: [], nextCursor: null };
  const page = items.slice(start, start + n);
  const last = page[page.length - 1];
  return { items: page, nextCursor: start + n < items.length ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
