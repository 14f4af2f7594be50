import { io, type Socket } from 'socket.io-client';
import { LiveEvents } from '../../apps/api/src/live/live-events.service';
import { startApi, type TestApi } from '../fixtures/api';
import { registerUser } from '../fixtures/users';
import { LIVE_EVENTS } from '@questline/contracts';

function connect(api: TestApi, auth?: Record<string, unknown>): Socket {
  return io(`${api.url}/live`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Resolves with the connect_error message, or rejects if the socket connects. */
function refusal(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected refusal')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function nextEvent<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.once(event, (payload: T) => resolve(payload));
    socket.once('connect_error', (error) => reject(error));
  });
}

describe('socket.io /live gateway', () => {
  let api: TestApi;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => (sockets.push(socket), socket);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await api?.close();
  });

  it('refuses a connection without a token', async () => {
    expect(await refusal(track(connect(api)))).toBe('Missing bearer token');
  });

  it('refuses a bad token', async () => {
    expect(await refusal(track(connect(api, { token: 'garbage' })))).toBe('Invalid or expired token');
  });

  it('accepts a good token and delivers events to that user only', async () => {
    const alice = await registerUser(api);
    const bob = await registerUser(api);
    const aliceSocket = track(connect(api, { token: alice.accessToken }));
    const bobSocket = track(connect(api, { token: bob.accessToken }));
    // Listen before awaiting either: both may be ready in any order.
    const aliceReady = nextEvent(aliceSocket, LIVE_EVENTS.ready);
    const bobReady = nextEvent(bobSocket, LIVE_EVENTS.ready);
    expect(await aliceReady).toEqual({ userId: alice.id });
    expect(await bobReady).toEqual({ userId: bob.id });

    const bobGot: unknown[] = [];
    bobSocket.on(LIVE_EVENTS.submissionStarted, (payload) => bobGot.push(payload));
    const received = nextEvent(aliceSocket, LIVE_EVENTS.submissionStarted);
    api.app.get(LiveEvents).emitToUser(alice.id, LIVE_EVENTS.submissionStarted, { submissionId: 'for-alice' });
    expect(await received).toEqual({ submissionId: 'for-alice' });

    // A round trip through Bob's socket (another event) proves any event for him would have arrived by now.
    api.app.get(LiveEvents).emitToUser(bob.id, LIVE_EVENTS.submissionQueued, { submissionId: 'flush', kind: 'run' });
    await nextEvent(bobSocket, LIVE_EVENTS.submissionQueued);
    expect(bobGot).toEqual([]);
  });
});
