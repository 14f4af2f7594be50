// Issue 12 item 9 (Redis clients handle errors): with the leaderboards' Redis gone, boards are still
// served (from the PostgreSQL aggregate, the source of truth), never a 500, and the client's errors are
// handled (no "Unhandled error event" per reconnect attempt). Against a Redis of this suite's own.
import { spawn } from 'node:child_process';
import request from 'supertest';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser } from '../fixtures/users';
import { freePort, Proc } from '../pipeline/support/processes';

jest.setTimeout(60_000);

let redis: Proc | undefined;
let api: TestApi;

beforeAll(async () => {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  redis = new Proc('redis', child);
  await redis.waitForOutput(/Ready to accept connections/);
  // The queue stays on the shared Redis: only the leaderboards' Redis goes away.
  api = await startApi({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_BACKEND: 'postgres' } });
});
afterAll(async () => {
  await api?.close();
  await redis?.stop('SIGKILL');
});

it('serves boards from PostgreSQL while the leaderboard Redis is down', async () => {
  const learner = await registerUser(api);
  const board = () => request(api.url).get('/api/leaderboards?period=all-time').set('Authorization', bearer(learner));
  const up = await board();
  expect(up.status).toBe(200);

  const printed: unknown[][] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args));
  try {
    await redis?.stop('SIGKILL');
    for (let i = 0; i < 3; i++) {
      const down = await board();
      expect(down.status).toBe(200);
      expect(down.body).toMatchObject({ period: 'all-time', entries: up.body.entries, total: up.body.total });
    }
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few reconnect attempts
    expect(printed.map(String).join('\n')).not.toMatch(/Unhandled error event/);
  } finally {
    spy.mockRestore();
  }
});
