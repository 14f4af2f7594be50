/** One page of results, as an API would return it. */
export interface Page<T> {
  /** The elements on this page (a new array). */
  items: T[];
  /** The page number that was asked for (starting at 1). */
  page: number;
  /** How many pages there are in total. */
  totalPages: number;
  hasPrev: boolean;
  hasNext: boolean;
}

/** Returns one page of a list. `page` starts at 1; `perPage` is at least 1. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  throw new Error('Remove this line and implement the function');
}
