// Mistake: a missing part becomes Number(undefined), which is NaN; every comparison with NaN is false,
// so '1.2' and '1.2.1' come out as the same version.
export function compareVersions(a, b) {
  const partsA = a.split('.');
  const partsB = b.split('.');
  const length = Math.max(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const x = Number(partsA[i]);
    const y = Number(partsB[i]);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export function isAtLeast(version, minimum) {
  return compareVersions(version, minimum) >= 0;
}
