import { io, type Socket } from 'socket.io-client';
import type { TestApi } from '../fixtures/api';
import { LIVE_EVENTS } from '@questline/contracts';

export async function connectLive(api: TestApi, token: string): Promise<Socket> {
  const socket = io(`${api.url}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once(LIVE_EVENTS.ready, () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
