// Mistake: lets the built-in sort do the work: merge concatenates and sorts (far more comparisons
// than a real merge), and mergeSort calls sort directly.
const ascending = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function merge(left, right, compare = ascending) {
  return [...left, ...right].sort(compare);
}

export function mergeSort(items, compare = ascending) {
  return [...items].sort(compare);
}
