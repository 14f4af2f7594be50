/**
 * Finds positions i < j such that nums[i] + nums[j] === target.
 *
 * @param {number[]} nums the numbers
 * @param {number} target the sum to reach
 * @returns {[number, number] | null} the pair with the smallest j (then the smallest i), or null
 */
export function twoSum(nums, target) {
  throw new Error('Remove this line and implement the function');
}
