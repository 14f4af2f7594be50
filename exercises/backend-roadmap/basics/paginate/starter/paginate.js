/**
 * Returns one page of a list.
 *
 * @template T
 * @param {T[]} items all the items
 * @param {number} page the page to return, starting at 1
 * @param {number} perPage how many items per page (at least 1)
 * @returns {{ items: T[], page: number, totalPages: number, hasPrev: boolean, hasNext: boolean }}
 */
export function paginate(items, page, perPage) {
  throw new Error('Remove this line and implement the function');
}
