// Mistake: treats page as 0-based, so page 1 skips the first perPage items.
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
  hasPrev: boolean;
  hasNext: boolean;
}

export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
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
