// Post-commit work happens once per Submit, whatever the number of api processes: the worker computes the
// learner's progress and updates the leaderboards once; api processes only fan the result out to their own
// sockets. Proved by counting SQL statements (a counting driver hook in every api and worker process,
// support/count-sql.cjs) for the same Submits with 1 and with 3 api processes: the totals are equal, and the
// api processes that did not take the POST run no statement at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LIVE_EVENTS } from '@questline/contracts';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, registerUser, type TestUser } from '../fixtures/users';
import { LiveClient, sleep } from './support/live';
import { FAILING, PASSING, writePipelinePack } from './support/pack';
import { startApiProcess, startWorker, type Proc } from './support/processes';

jest.setTimeout(180_000);

const packs = writePipelinePack();
const QUEUE_PREFIX = `{ql-statements-${process.pid}}`;
const countDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-sql-count-'));
let api: TestApi;
let exerciseId: string;
const procs: Proc[] = [];
const clients: LiveClient[] = [];
/** Counted processes by name, with their count file. */
const counted = new Map<string, string>();

function env(name: string): Record<string, string> {
  const file = path.join(countDir, `${name}.count`);
  fs.writeFileSync(file, '');
  counted.set(name, file);
  return {
    DATABASE_URL: api.db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: 'redis',
    QUEUE_PREFIX,
    JWT_SECRET: api.config.jwt.secret,
    EXERCISES_DIR: packs,
    WORKER_CONCURRENCY: '1',
    GRADING_SWEEP_INTERVAL_MS: '0',
    SQL_COUNT_FILE: file,
  };
}

/** Statements run so far, per counted process. */
function counts(): Record<string, number> {
  return Object.fromEntries([...counted].map(([name, file]) => [name, fs.statSync(file).size]));
}

function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]));
}

const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);

async function live(user: TestUser, url: string): Promise<LiveClient> {
  const client = await LiveClient.connect(url, user.accessToken);
  clients.push(client);
  return client;
}

/**
 * The same three gradings for a fresh learner, one at a time (a first passing Submit with its award, a failing
 * Submit, a Run), each waited for on every socket, including its `progress.updated`. Then a pause longer
 * than the leaderboard push interval, so any deferred work has run.
 */
async function gradeThree(learner: TestUser, postUrl: string, sockets: LiveClient[]): Promise<void> {
  const steps = [
    { path: `/api/exercises/${exerciseId}/submissions`, code: PASSING, submit: true },
    { path: `/api/exercises/${exerciseId}/submissions`, code: FAILING, submit: true },
    { path: `/api/exercises/${exerciseId}/runs`, code: PASSING, submit: false },
  ];
  let submits = 0;
  for (const step of steps) {
    const res = await request(postUrl).post(step.path).set('Authorization', bearer(learner)).send({ code: step.code }).expect(202);
    if (step.submit) submits += 1;
    await Promise.all(
      sockets.map(async (socket) => {
        await socket.waitFor(LIVE_EVENTS.submissionCompleted, res.body.id, 30_000);
        await socket.waitForCount(LIVE_EVENTS.progressUpdated, submits, 30_000);
      }),
    );
  }
  await sleep(1500);
}

beforeAll(async () => {
  process.env.EXERCISES_DIR = packs;
  // In-process api: migrates and loads the pack; it is present (and not counted) in both phases alike.
  api = await startApi({ env: { QUEUE_BACKEND: 'redis', QUEUE_PREFIX, GRADING_SWEEP_INTERVAL_MS: '0' } });
  const rows: Array<{ id: string }> = await api.app.get(DataSource).query(`SELECT id FROM exercises WHERE slug = 'answer'`);
  exerciseId = rows[0].id;
  procs.push(await startWorker(env('worker')));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(procs.map((p) => p.stop('SIGKILL')));
  await api?.close();
  fs.rmSync(packs, { recursive: true, force: true });
  fs.rmSync(countDir, { recursive: true, force: true });
});

it('runs the same number of SQL statements per Submit with 1 and with 3 api processes', async () => {
  const a = await startApiProcess(env('api-a'), 'api-a');
  procs.push(a.proc);

  // Warm-up (not measured): the worker's exercise cache and each process's first-use work.
  const warm = await registerUser(api);
  await gradeThree(warm, a.url, [await live(warm, a.url)]);

  // One api process.
  const first = await registerUser(api);
  const firstSockets = [await live(first, a.url)];
  const before1 = counts();
  await gradeThree(first, a.url, firstSockets);
  const one = delta(before1, counts());

  // Three api processes, the learner connected to each.
  const urls = [a.url];
  for (const name of ['api-b', 'api-c']) {
    const started = await startApiProcess(env(name), name);
    procs.push(started.proc);
    urls.push(started.url);
    // Its own first-use work (the first socket's authentication), outside the measure.
    (await live(warm, started.url)).close();
  }
  const second = await registerUser(api);
  const secondSockets = await Promise.all(urls.map((url) => live(second, url)));
  const before3 = counts();
  await gradeThree(second, a.url, secondSockets);
  const three = delta(before3, counts());

  expect(one['worker']).toBeGreaterThan(0);
  expect(three['api-b']).toBe(0);
  expect(three['api-c']).toBe(0);
  expect(total(three)).toBe(total(one));
  expect(three).toEqual({ ...one, 'api-b': 0, 'api-c': 0 });

  // What the worker computed once is what GET /api/me/progress answers (on every process's socket).
  const res = await request(a.url).get('/api/me/progress').set('Authorization', bearer(second)).expect(200);
  for (const socket of secondSockets) {
    const pushed = socket.events.filter((e) => e.event === LIVE_EVENTS.progressUpdated);
    expect(pushed).toHaveLength(2);
    expect(pushed[1].payload).toEqual(res.body);
  }
});
