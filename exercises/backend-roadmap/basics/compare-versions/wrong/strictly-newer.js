// Mistake: isAtLeast uses > instead of >=, so the minimum version itself is rejected.
export function compareVersions(a, b) {
  const partsA = a.split('.').map(Number);
  const partsB = b.split('.').map(Number);
  const length = Math.max(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const x = partsA[i] ?? 0;
    const y = partsB[i] ?? 0;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export function isAtLeast(version, minimum) {
  return compareVersions(version, minimum) > 0;
}
