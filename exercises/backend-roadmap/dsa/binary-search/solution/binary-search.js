/**
 * First index whose value is >= target (sorted.length if there is none).
 *
 * @param {number[]} sorted numbers in ascending order
 * @param {number} target the value to look for
 * @returns {number} an index from 0 to sorted.length
 */
export function lowerBound(sorted, target) {
  let lo = 0;
  let hi = sorted.length; // the answer is always in [lo, hi]
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first occurrence of target, or -1.
 *
 * @param {number[]} sorted numbers in ascending order
 * @param {number} target the value to look for
 * @returns {number} the index, or -1 when target is missing
 */
export function binarySearch(sorted, target) {
  const index = lowerBound(sorted, target);
  return index < sorted.length && sorted[index] === target ? index : -1;
}
