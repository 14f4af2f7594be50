// Mistake: compares the parts as strings, so '10' < '9' (character by character) and 1.10.0 looks older than 1.9.3.
export function compareVersions(a, b) {
  const partsA = a.split('.');
  const partsB = b.split('.');
  const length = Math.max(partsA.length, partsB.length);
  for (let i = 0; i < length; i++) {
    const x = partsA[i] ?? '0';
    const y = partsB[i] ?? '0';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export function isAtLeast(version, minimum) {
  return compareVersions(version, minimum) >= 0;
}
