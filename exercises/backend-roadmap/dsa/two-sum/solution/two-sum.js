/**
 * Finds positions i < j such that nums[i] + nums[j] === target.
 *
 * @param {number[]} nums the numbers
 * @param {number} target the sum to reach
 * @returns {[number, number] | null} the pair with the smallest j (then the smallest i), or null
 */
export function twoSum(nums, target) {
  const seen = new Map(); // value -> first index where it appears
  for (let j = 0; j < nums.length; j++) {
    const value = nums[j];
    const complement = target - value;
    if (seen.has(complement)) return [seen.get(complement), j];
    if (!seen.has(value)) seen.set(value, j);
  }
  return null;
}
