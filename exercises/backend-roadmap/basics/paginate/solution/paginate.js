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
  const start = (page - 1) * perPage;
  const totalPages = Math.ceil(items.length / perPage);
  return {
    items: items.slice(start, start + perPage),
    page,
    totalPages,
    hasPrev: page > 1,
    hasNext: page < totalPages,
  };
}
