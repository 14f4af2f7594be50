// Issue 12 item 8: a socket keeps only the rights its token had. It is disconnected when the token
// expires, and when its user is deleted or changes role or password (changed by the CLI or another
// process straight in the database); the client is told why first. Other sockets stay.
import { JwtService } from '@nestjs/jwt';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS, type SessionEndedEvent } from '@questline/contracts';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { registerUser, setRole } from '../fixtures/users';

let api: TestApi;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi({ env: { LIVE_REVALIDATE_MS: '300' } });
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await api?.close();
});

interface Watched {
  socket: Socket;
  /** Resolves with the reason and whether the server then closed the socket. */
  ended: Promise<{ reason: string; disconnect: string }>;
}

async function connect(token: string): Promise<Watched> {
  const socket = io(`${api.url}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const ended = new Promise<{ reason: string; disconnect: string }>((resolve) => {
    let reason = '';
    socket.on(LIVE_EVENTS.sessionEnded, (e: SessionEndedEvent) => (reason = e.reason));
    socket.on('disconnect', (disconnect) => resolve({ reason, disconnect }));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once(LIVE_EVENTS.ready, () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, ended };
}

const db = () => api.app.get(DataSource);

it('disconnects a socket when its token expires', async () => {
  const learner = await registerUser(api);
  const token = await api.app.get(JwtService).signAsync({ sub: learner.id, role: learner.role }, { expiresIn: 2 });
  const started = Date.now();
  const watched = await connect(token);
  expect(await watched.ended).toEqual({ reason: 'expired', disconnect: 'io server disconnect' });
  expect(Date.now() - started).toBeLessThan(5000);
});

it('disconnects the sockets of a deleted user and of a user whose role or password changed, and no other', async () => {
  // Users 0–2 lose their socket (deleted, promoted, new password); user 3 is the bystander.
  const users = await Promise.all([registerUser(api), registerUser(api), registerUser(api), registerUser(api)]);
  const [a, b, c, d] = await Promise.all(users.map((u) => connect(u.accessToken)));

  await db().query(`DELETE FROM users WHERE id = $1`, [users[0].id]);
  await setRole(api, users[1].email, UserRole.Instructor);
  await db().query(`UPDATE users SET password_hash = 'changed-' || password_hash WHERE id = $1`, [users[2].id]);

  expect(await a.ended).toEqual({ reason: 'deleted', disconnect: 'io server disconnect' });
  expect(await b.ended).toEqual({ reason: 'changed', disconnect: 'io server disconnect' });
  expect(await c.ended).toEqual({ reason: 'changed', disconnect: 'io server disconnect' });
  // Several revalidation rounds later the untouched learner is still connected.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(d.socket.connected).toBe(true);
});
