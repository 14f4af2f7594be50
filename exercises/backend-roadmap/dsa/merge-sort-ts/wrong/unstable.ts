// Mistake: on a tie the merge takes the right element first, so equal elements swap places.
export type Compare<T> = (a: T, b: T) => number;

const ascending = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

export function merge<T>(left: readonly T[], right: readonly T[], compare: Compare<T> = ascending): T[] {
  const result: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (compare(left[i], right[j]) < 0) result.push(left[i++]);
    else result.push(right[j++]);
  }
  return result.concat(left.slice(i), right.slice(j));
}

export function mergeSort<T>(items: readonly T[], compare: Compare<T> = ascending): T[] {
  if (items.length <= 1) return items.slice();
  const middle = Math.floor(items.length / 2);
  return merge(mergeSort(items.slice(0, middle), compare), mergeSort(items.slice(middle), compare), compare);
}
