// Mistake: rotates the caller's array in place, one step at a time: it mutates the input and
// takes O(n * k) time.
export function rotate(items, k) {
  if (items.length === 0) return items;
  if (k >= 0) {
    for (let i = 0; i < k; i++) items.unshift(items.pop());
  } else {
    for (let i = 0; i < -k; i++) items.push(items.shift());
  }
  return items;
}
