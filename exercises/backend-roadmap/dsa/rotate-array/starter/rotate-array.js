/**
 * Rotates an array k places to the right (left when k is negative).
 *
 * @template T
 * @param {T[]} items the array to rotate (not changed)
 * @param {number} k how many places to move each element to the right
 * @returns {T[]} a new, rotated array
 */
export function rotate(items, k) {
  throw new Error('Remove this line and implement the function');
}
