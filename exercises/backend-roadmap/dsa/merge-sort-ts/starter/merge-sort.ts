/** Negative if a comes first, positive if b does, 0 on a tie. */
export type Compare<T> = (a: T, b: T) => number;

const ascending = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges two sorted arrays into a new sorted array (left first on ties). */
export function merge<T>(left: readonly T[], right: readonly T[], compare: Compare<T> = ascending): T[] {
  throw new Error('Remove this line and implement the function');
}

/** Sorts with merge sort (stable, O(n log n)) and returns a new array. */
export function mergeSort<T>(items: readonly T[], compare: Compare<T> = ascending): T[] {
  throw new Error('Remove this line and implement the function');
}
