/** One page of results, as an API would return it. */
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
  hasPrev: boolean;
  hasNext: boolean;
}

/** Returns one page of a list. `page` starts at 1; `perPage` is at least 1. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
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
