// Plausible mistake: decides success by checking `if (reason)`, so a falsy rejection reason counts as success.
export async function settleAll(tasks) {
  const entries = Object.entries(tasks);
  if (entries.some(([, t]) => typeof t !== 'function')) throw new TypeError('not a function');
  const results = await Promise.all(entries.map(async ([, t]) => {
    try { return { value: await t() }; } catch (reason) { return { reason }; }
  }));
  const ok = {};
  const failed = {};
  results.forEach((r, i) => { if (r.reason) failed[entries[i][0]] = r.reason; else ok[entries[i][0]] = r.value; });
  return { ok, failed, allOk: Object.keys(failed).length === 0 };
}
