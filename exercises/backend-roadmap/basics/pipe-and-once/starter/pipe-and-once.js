/**
 * Composes functions from left to right.
 *
 * @param {...Function} fns one-argument functions
 * @returns {(value: unknown) => unknown} a function that runs value through every fn in order
 */
export function pipe(...fns) {
  throw new Error('Remove this line and implement the function');
}

/**
 * Wraps fn so that it runs at most once; later calls return the first result.
 *
 * @param {Function} fn the function to wrap
 * @returns {Function} the wrapper
 */
export function once(fn) {
  throw new Error('Remove this line and implement the function');
}
