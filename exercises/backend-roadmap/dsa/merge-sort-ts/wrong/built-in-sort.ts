// Mistake: lets the built-in sort do the work: merge concatenates and sorts (far more comparisons
// than a real merge), and mergeSort calls sort directly.
export type Compare<T> = (a: T, b: T) => number;

const ascending = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

export function merge<T>(left: readonly T[], right: readonly T[], compare: Compare<T> = ascending): T[] {
  return [...left, ...right].sort(compare);
}

export function mergeSort<T>(items: readonly T[], compare: Compare<T> = ascending): T[] {
  return [...items].sort(compare);
}
