// Mistake: uses the result itself as the "already called" flag, so a falsy result calls fn again.
export function pipe(...fns) {
  return (value) => {
    let current = value;
    for (const fn of fns) current = fn(current);
    return current;
  };
}

export function once(fn) {
  let result;
  return (...args) => {
    if (!result) result = fn(...args);
    return result;
  };
}
