/**
 * @typedef {{ id: string, type?: string, payload?: unknown }} WebhookEvent
 */

/**
 * @param {(event: WebhookEvent) => unknown} process does the real work (may be async)
 * @returns {(event: WebhookEvent) => Promise<{ status: 'processed' | 'duplicate', result: unknown }>}
 */
export function createWebhookHandler(process) {
  throw new Error('Remove this line and implement the function');
}
