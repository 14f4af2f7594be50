// Plausible mistake: workers keep taking new items after a failure.
export function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) return Promise.reject(new RangeError('limit'));
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try { results[i] = await fn(items[i], i); } catch (e) { results.error ??= e; }
    }
  };
  return Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker)).then(() => {
    if (results.error) throw results.error;
    return results;
  });
}
