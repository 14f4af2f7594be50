/**
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => R | Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export function mapLimit(items, limit, fn) {
  throw new Error('Remove this line and implement the function');
}
