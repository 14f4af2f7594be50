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
  const result = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    // `<= 0`: on a tie the left element (the earlier one) goes first, which keeps the sort stable.
    if (compare(left[i], right[j]) <= 0) result.push(left[i++]);
    else result.push(right[j++]);
  }
  while (i < left.length) result.push(left[i++]);
  while (j < right.length) result.push(right[j++]);
  return result;
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
  if (items.length <= 1) return items.slice();
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle), compare);
  const right = mergeSort(items.slice(middle), compare);
  return merge(left, right, compare);
}
