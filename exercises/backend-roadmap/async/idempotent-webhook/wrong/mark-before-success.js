// Plausible mistake: marks the id as seen before processing, so a failed event is never retried.
export function createWebhookHandler(process) {
  const seen = new Map();
  return async (event) => {
    if (!event || typeof event.id !== 'string' || !event.id) throw new TypeError('id');
    if (seen.has(event.id)) return { status: 'duplicate', result: await seen.get(event.id) };
    const p = (async () => process(event))();
    seen.set(event.id, p);
    return { status: 'processed', result: await p };
  };
}
