/** Negative if a comes first, positive if b does, 0 on a tie. */
export type Compare<T> = (a: T, b: T) => number;

const ascending = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges two sorted arrays into a new sorted array (left first on ties). */
export function merge<T>(left: readonly T[], right: readonly T[], compare: Compare<T> = ascending): T[] {
  const result: T[] = [];
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

/** Sorts with merge sort (stable, O(n log n)) and returns a new array. */
export function mergeSort<T>(items: readonly T[], compare: Compare<T> = ascending): T[] {
  if (items.length <= 1) return items.slice();
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle), compare);
  const right = mergeSort(items.slice(middle), compare);
  return merge(left, right, compare);
}
