// Mistake: on a tie the merge takes the right element first, so equal elements swap places.
const ascending = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function merge(left, right, compare = ascending) {
  const result = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (compare(left[i], right[j]) < 0) result.push(left[i++]);
    else result.push(right[j++]);
  }
  return result.concat(left.slice(i), right.slice(j));
}

export function mergeSort(items, compare = ascending) {
  if (items.length <= 1) return items.slice();
  const middle = Math.floor(items.length / 2);
  return merge(mergeSort(items.slice(0, middle), compare), mergeSort(items.slice(middle), compare), compare);
}
