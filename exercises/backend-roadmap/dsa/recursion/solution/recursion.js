/**
 * Flattens arrays nested at any depth into one array.
 *
 * @param {unknown[]} nested an array that may contain arrays
 * @returns {unknown[]} a new array with all the non-array values, in order
 */
export function flatten(nested) {
  const result = [];
  for (const element of nested) {
    if (Array.isArray(element)) {
      for (const value of flatten(element)) result.push(value);
    } else {
      result.push(element);
    }
  }
  return result;
}

/**
 * Lists every ordering of the items.
 *
 * @template T
 * @param {T[]} items the items to order
 * @returns {T[][]} all n! orderings, those starting with items[0] first
 */
export function permutations(items) {
  if (items.length === 0) return [[]];
  const result = [];
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const ordering of permutations(rest)) {
      result.push([items[i], ...ordering]);
    }
  }
  return result;
}
