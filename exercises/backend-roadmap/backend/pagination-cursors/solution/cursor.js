const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(text) {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1) | 0; // past the end charCodeAt gives NaN, and NaN | 0 is 0
    const c = text.charCodeAt(i + 2) | 0;
    const bits = (a << 16) | (b << 8) | c;
    const left = text.length - i;
    out += ALPHABET[(bits >> 18) & 63] + ALPHABET[(bits >> 12) & 63];
    if (left > 1) out += ALPHABET[(bits >> 6) & 63];
    if (left > 2) out += ALPHABET[bits & 63];
  }
  return out;
}

function fromBase64Url(code) {
  if (code.length % 4 === 1) throw new Error('Invalid cursor');
  let out = '';
  for (let i = 0; i < code.length; i += 4) {
    const chunk = code.slice(i, i + 4);
    let bits = 0;
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? ALPHABET.indexOf(chunk[j]) : 0;
      if (v === -1) throw new Error('Invalid cursor');
      bits = (bits << 6) | v;
    }
    out += String.fromCharCode((bits >> 16) & 255);
    if (chunk.length > 2) out += String.fromCharCode((bits >> 8) & 255);
    if (chunk.length > 3) out += String.fromCharCode(bits & 255);
  }
  return out;
}

/**
 * @param {unknown} value any JSON-serialisable value (ASCII only)
 * @returns {string} base64url of JSON.stringify(value), without padding
 */
export function encodeCursor(value) {
  return toBase64Url(JSON.stringify(value));
}

/**
 * @param {string} cursor
 * @returns {{ id: number | string, [key: string]: unknown }}
 * @throws {Error} 'Invalid cursor'
 */
export function decodeCursor(cursor) {
  if (typeof cursor !== 'string' || cursor === '') throw new Error('Invalid cursor');
  let value;
  try {
    value = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new Error('Invalid cursor');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !['number', 'string'].includes(typeof value.id)) {
    throw new Error('Invalid cursor');
  }
  return value;
}

function isAfter(item, cursor) {
  if (item.createdAt !== cursor.createdAt) return item.createdAt > cursor.createdAt;
  return item.id > cursor.id;
}

/**
 * @template {{ id: number, createdAt: string }} T
 * @param {T[]} items sorted by createdAt, then id
 * @param {{ limit?: number, after?: string }} [options]
 * @returns {{ items: T[], nextCursor: string | null }}
 */
export function paginate(items, options = {}) {
  const limit = Math.min(100, Math.max(1, options.limit ?? 10));
  const cursor = options.after === undefined ? null : decodeCursor(options.after);
  const start = cursor ? items.findIndex((item) => isAfter(item, cursor)) : 0;
  if (start === -1) return { items: [], nextCursor: null };
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const hasMore = start + limit < items.length;
  return { items: page, nextCursor: last && hasMore ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
