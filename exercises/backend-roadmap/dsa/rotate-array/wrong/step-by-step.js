// Mistake: rotates the caller's array in place, one step at a time (pop/unshift), so the input
// is changed and the result is the very same array object.
export function rotate(items, k) {
  const n = items.length;
  if (n === 0) return items;
  const steps = k % n;
  if (steps >= 0) {
    for (let i = 0; i < steps; i++) items.unshift(items.pop());
  } else {
    for (let i = 0; i < -steps; i++) items.push(items.shift());
  }
  return items;
}
