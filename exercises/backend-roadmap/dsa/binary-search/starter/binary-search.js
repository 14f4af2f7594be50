/**
 * First index whose value is >= target (sorted.length if there is none).
 *
 * @param {number[]} sorted numbers in ascending order
 * @param {number} target the value to look for
 * @returns {number} an index from 0 to sorted.length
 */
export function lowerBound(sorted, target) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Index of the first occurrence of target, or -1.
 *
 * @param {number[]} sorted numbers in ascending order
 * @param {number} target the value to look for
 * @returns {number} the index, or -1 when target is missing
 */
export function binarySearch(sorted, target) {
  throw new Error('Remove this line and implement the function');
}
