// A socket.io client on /live that records every event, and a bounded, event-driven wait on them.
import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS } from '@questline/contracts';

export interface LiveEvent {
  event: string;
  payload: Record<string, unknown>;
}

export class LiveClient {
  readonly events: LiveEvent[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      this.events.push({ event, payload });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Connects with the learner's token and resolves after the gateway's `ready`. */
  static connect(baseUrl: string, token: string): Promise<LiveClient> {
    const socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const client = new LiveClient(socket);
    return new Promise((resolve, reject) => {
      socket.once(LIVE_EVENTS.ready, () => resolve(client));
      socket.once('connect_error', reject);
    });
  }

  /** Events about one submission, in arrival order. */
  of(submissionId: string): LiveEvent[] {
    return this.events.filter((e) => e.payload?.submissionId === submissionId);
  }

  count(event: string, submissionId: string): number {
    return this.of(submissionId).filter((e) => e.event === event).length;
  }

  /** Resolves with the first matching event (already received or future); rejects after timeoutMs. */
  waitFor(event: string, submissionId: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`no ${event} for ${submissionId} within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.event))}`));
      }, timeoutMs);
      const check = () => {
        const hit = this.of(submissionId).find((e) => e.event === event);
        if (hit) {
          clearTimeout(timer);
          resolve(hit.payload);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** Resolves once `n` events named `event` have arrived (for events that carry no submission id). */
  waitForCount(event: string, n: number, timeoutMs = 20_000): Promise<LiveEvent[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`fewer than ${n} ${event} within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.event))}`));
      }, timeoutMs);
      const check = () => {
        const hits = this.events.filter((e) => e.event === event);
        if (hits.length >= n) {
          clearTimeout(timer);
          resolve(hits);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
