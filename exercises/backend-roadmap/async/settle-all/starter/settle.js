/**
 * Runs all tasks concurrently and sorts their outcomes.
 *
 * @param {Record<string, () => unknown>} tasks
 * @returns {Promise<{ ok: Record<string, unknown>, failed: Record<string, unknown>, allOk: boolean }>}
 */
export async function settleAll(tasks) {
  throw new Error('Remove this line and implement the function');
}
