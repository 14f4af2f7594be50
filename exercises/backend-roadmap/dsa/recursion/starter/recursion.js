/**
 * Flattens arrays nested at any depth into one array.
 *
 * @param {unknown[]} nested an array that may contain arrays
 * @returns {unknown[]} a new array with all the non-array values, in order
 */
export function flatten(nested) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Lists every ordering of the items.
 *
 * @template T
 * @param {T[]} items the items to order
 * @returns {T[][]} all n! orderings, those starting with items[0] first
 */
export function permutations(items) {
  throw new Error('Remove this line and implement the function');
}
