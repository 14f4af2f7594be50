// Plausible mistake: processes fixed batches with Promise.all, so one slow call
// blocks the next batch instead of a new item starting as soon as a slot is free.
export async function mapLimit(items, limit, fn) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit');
  const results = [];
  for (let i = 0; i < items.length; i += limit) {
    const batch = items.slice(i, i + limit).map((item, j) => fn(item, i + j));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}
