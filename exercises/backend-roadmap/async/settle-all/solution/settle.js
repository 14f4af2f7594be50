/**
 * Runs all tasks concurrently and sorts their outcomes.
 *
 * @param {Record<string, () => unknown>} tasks
 * @returns {Promise<{ ok: Record<string, unknown>, failed: Record<string, unknown>, allOk: boolean }>}
 */
export async function settleAll(tasks) {
  const entries = Object.entries(tasks);
  for (const [key, task] of entries) {
    if (typeof task !== 'function') throw new TypeError(`task ${key} is not a function`);
  }
  const running = entries.map(async ([, task]) => task());
  const outcomes = await Promise.allSettled(running);
  const ok = {};
  const failed = {};
  outcomes.forEach((outcome, i) => {
    const key = entries[i][0];
    if (outcome.status === 'fulfilled') ok[key] = outcome.value;
    else failed[key] = outcome.reason;
  });
  return { ok, failed, allOk: Object.keys(failed).length === 0 };
}
