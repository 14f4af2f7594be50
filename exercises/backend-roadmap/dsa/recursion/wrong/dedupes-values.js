// Mistake: removes the chosen item by value instead of by position, so equal items disappear.
export function flatten(nested) {
  return nested.reduce((acc, el) => acc.concat(Array.isArray(el) ? flatten(el) : [el]), []);
}

export function permutations(items) {
  if (items.length === 0) return [[]];
  const result = [];
  for (const item of items) {
    const rest = items.filter((other) => other !== item);
    for (const ordering of permutations(rest)) result.push([item, ...ordering]);
  }
  return result;
}
