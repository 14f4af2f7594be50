// Mistake: uses the built-in Array.prototype.flat instead of writing the recursion.
export function flatten(n) { return n.flat(Infinity); }
export function permutations(items) {
  if (items.length === 0) return [[]];
  const result = [];
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const ordering of permutations(rest)) result.push([items[i], ...ordering]);
  }
  return result;
}
