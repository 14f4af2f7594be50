// Mistake: correct answers, but scans the whole array: O(n) instead of O(log n).
export function lowerBound(sorted, target) {
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] >= target) return i;
  }
  return sorted.length;
}

export function binarySearch(sorted, target) {
  return sorted.indexOf(target);
}
