// Mistake: applies the functions right to left (that is `compose`, not `pipe`).
export function pipe(...fns) {
  return (value) => fns.reduceRight((acc, fn) => fn(acc), value);
}

export function once(fn) {
  let called = false;
  let result;
  return (...args) => {
    if (!called) {
      called = true;
      result = fn(...args);
    }
    return result;
  };
}
