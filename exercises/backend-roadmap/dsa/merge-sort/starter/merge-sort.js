const ascending = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges two sorted arrays into a new sorted array (left first on ties).
 *
 * @template T
 * @param {T[]} left a sorted array
 * @param {T[]} right a sorted array
 * @param {(a: T, b: T) => number} [compare] negative if a comes first, positive if b does, 0 on a tie
 * @returns {T[]} a new sorted array with every element of left and right
 */
export function merge(left, right, compare = ascending) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Sorts with merge sort (stable, O(n log n)) and returns a new array.
 *
 * @template T
 * @param {T[]} items the elements to sort (not changed)
 * @param {(a: T, b: T) => number} [compare] negative if a comes first, positive if b does, 0 on a tie
 * @returns {T[]} a new sorted array
 */
export function mergeSort(items, compare = ascending) {
  throw new Error('Remove this line and implement the function');
}
