// Plausible mistake: only remembers finished results, so two deliveries arriving at the same time
// are both processed (the customer is charged twice).
export function createWebhookHandler(process) {
  const done = new Map();
  return async (event) => {
    if (!event || typeof event.id !== 'string' || !event.id) throw new TypeError('id');
    if (done.has(event.id)) return { status: 'duplicate', result: done.get(event.id) };
    const result = await process(event);
    done.set(event.id, result);
    return { status: 'processed', result };
  };
}
