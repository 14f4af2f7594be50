// Mistake: returns the difference of the first differing parts (2, -38, ...) instead of exactly -1 or 1.
export function compareVersions(a, b) {
  const partsA = a.split('.').map(Number);
  const partsB = b.split('.').map(Number);
  const length = Math.max(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const x = partsA[i] ?? 0;
    const y = partsB[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

export function isAtLeast(version, minimum) {
  return compareVersions(version, minimum) >= 0;
}
