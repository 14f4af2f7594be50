// Mistake: forgets the modulo, so k larger than the array or negative k go wrong.
export function rotate(items, k) {
  const n = items.length;
  return [...items.slice(n - k), ...items.slice(0, n - k)];
}
