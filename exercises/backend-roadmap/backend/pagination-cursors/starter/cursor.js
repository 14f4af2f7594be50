/**
 * @param {unknown} value any JSON-serialisable value (ASCII only)
 * @returns {string} base64url of JSON.stringify(value), without padding
 */
export function encodeCursor(value) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @param {string} cursor
 * @returns {{ id: number | string, [key: string]: unknown }}
 * @throws {Error} 'Invalid cursor'
 */
export function decodeCursor(cursor) {
  throw new Error('Remove this line and implement the function');
}

/**
 * @template {{ id: number, createdAt: string }} T
 * @param {T[]} items sorted by createdAt, then id
 * @param {{ limit?: number, after?: string }} [options]
 * @returns {{ items: T[], nextCursor: string | null }}
 */
export function paginate(items, options = {}) {
  throw new Error('Remove this line and implement the function');
}
