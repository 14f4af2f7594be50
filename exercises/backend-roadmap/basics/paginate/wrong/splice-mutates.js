// Mistake: splice() removes the page from the caller's array; also floors the page count.
export function paginate(items, page, perPage) {
  const start = (page - 1) * perPage;
  const totalPages = Math.floor(items.length / perPage) || (items.length ? 1 : 0);
  const total = items.length;
  return {
    items: items.splice(start, perPage),
    page,
    totalPages,
    hasPrev: page > 1,
    hasNext: start + perPage < total,
  };
}
