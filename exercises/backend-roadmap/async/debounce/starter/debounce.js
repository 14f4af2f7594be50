/**
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {number} ms
 * @param {{ schedule: (callback: () => void, ms: number) => () => void }} options
 * @returns {((...args: Parameters<F>) => void) & { cancel(): void, flush(): ReturnType<F> | undefined, pending(): boolean }}
 */
export function debounce(fn, ms, options) {
  throw new Error('Remove this line and implement the function');
}
