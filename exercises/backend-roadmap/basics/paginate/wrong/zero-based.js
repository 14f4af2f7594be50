// Mistake: treats page as 0-based, so page 1 skips the first perPage items.
export function paginate(items, page, perPage) {
  const start = page * perPage;
  const totalPages = Math.ceil(items.length / perPage);
  return {
    items: items.slice(start, start + perPage),
    page,
    totalPages,
    hasPrev: page > 1,
    hasNext: page < totalPages,
  };
}
