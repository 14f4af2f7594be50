// Mistake: casts away `readonly` and splices the caller's array; also floors the page count.
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
  hasPrev: boolean;
  hasNext: boolean;
}

export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const list = items as T[];
  const start = (page - 1) * perPage;
  const total = list.length;
  const totalPages = Math.floor(total / perPage) || (total ? 1 : 0);
  return {
    items: list.splice(start, perPage),
    page,
    totalPages,
    hasPrev: page > 1,
    hasNext: start + perPage < total,
  };
}
