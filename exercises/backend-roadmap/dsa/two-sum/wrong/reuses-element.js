// Mistake: fills the map first (last index wins) and never checks that i !== j,
// so an element can be paired with itself.
export function twoSum(nums, target) {
  const index = new Map();
  nums.forEach((value, i) => index.set(value, i));
  for (let i = 0; i < nums.length; i++) {
    const j = index.get(target - nums[i]);
    if (j !== undefined) return [Math.min(i, j), Math.max(i, j)];
  }
  return null;
}
