// Plausible mistake: awaits each task before starting the next one, so they do not run concurrently.
export async function settleAll(tasks) {
  const ok = {};
  const failed = {};
  for (const [key, task] of Object.entries(tasks)) {
    if (typeof task !== 'function') throw new TypeError('not a function');
  }
  for (const [key, task] of Object.entries(tasks)) {
    try { ok[key] = await task(); } catch (e) { failed[key] = e; }
  }
  return { ok, failed, allOk: Object.keys(failed).length === 0 };
}
