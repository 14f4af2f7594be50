// Mistake: correct answers, but two nested loops make it O(n^2): too slow for large inputs.
export function twoSum(nums, target) {
  for (let j = 1; j < nums.length; j++) {
    for (let i = 0; i < j; i++) {
      if (nums[i] + nums[j] === target) return [i, j];
    }
  }
  return null;
}
