/**
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => R | Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new RangeError('limit must be an integer >= 1'));
  const results = new Array(items.length);
  let next = 0;
  let failed = false;

  return new Promise((resolve, reject) => {
    let finished = 0;
    if (items.length === 0) {
      resolve(results);
      return;
    }
    const startNext = () => {
      if (failed || next >= items.length) return;
      const index = next++;
      let pending;
      try {
        pending = Promise.resolve(fn(items[index], index));
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (value) => {
          if (failed) return;
          results[index] = value;
          finished++;
          if (finished === items.length) resolve(results);
          else startNext();
        },
        (error) => {
          if (failed) return;
          failed = true;
          reject(error);
        },
      );
    };
    for (let i = 0; i < Math.min(limit, items.length); i++) startNext();
  });
}
