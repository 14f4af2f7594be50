/**
 * @typedef {{ id: string, type?: string, payload?: unknown }} WebhookEvent
 */

/**
 * @param {(event: WebhookEvent) => unknown} process does the real work (may be async)
 * @returns {(event: WebhookEvent) => Promise<{ status: 'processed' | 'duplicate', result: unknown }>}
 */
export function createWebhookHandler(process) {
  const done = new Map();
  const inFlight = new Map();

  return async function handle(event) {
    const id = event?.id;
    if (typeof id !== 'string' || id === '') throw new TypeError('event.id must be a non-empty string');
    if (done.has(id)) return { status: 'duplicate', result: done.get(id) };
    if (inFlight.has(id)) return { status: 'duplicate', result: await inFlight.get(id) };

    const running = (async () => process(event))();
    inFlight.set(id, running);
    try {
      const result = await running;
      done.set(id, result);
      return { status: 'processed', result };
    } finally {
      inFlight.delete(id);
    }
  };
}
