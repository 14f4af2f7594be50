// Bench learners: registered through the api, each with a live socket on one api process, submitting
// through the public HTTP api and timing POST → `submission.completed` on their own socket.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { percentile, sleep } from './platform.mjs';

// Live event names from the built contracts library (the one place they are declared; `npm run build` first).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { LIVE_EVENTS, LIVE_NAMESPACE } = createRequire(import.meta.url)(path.join(ROOT, 'dist/apps/api/libs/contracts/src/index.js'));

const GRACE_MS = 30_000;

export class Learners {
  list = [];
  apis = [];
  /** submissionId -> { at: [receive times], verdict } */
  completions = new Map();
  sent = new Map(); // submissionId -> t0
  seq = 0;
  refused = 0;

  get size() {
    return this.list.length;
  }

  async register(apis, count) {
    this.apis = apis;
    for (let i = 0; i < count; i++) {
      const apiUrl = apis[i % apis.length];
      const res = await fetch(`${apiUrl}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `bench-${process.pid}-${i}@example.test`,
          password: `Bench-pw-${randomBytes(9).toString('hex')}`,
          displayName: `Bench ${i}`,
        }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      const { accessToken } = await res.json();
      const socket = io(`${apiUrl}${LIVE_NAMESPACE}`, {
        auth: { token: accessToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await new Promise((resolve, reject) => {
        socket.once(LIVE_EVENTS.ready, resolve);
        socket.once('connect_error', reject);
      });
      socket.on(LIVE_EVENTS.submissionCompleted, (event) => {
        const seen = this.completions.get(event.submissionId) ?? { at: [], verdict: event.verdict };
        seen.at.push(performance.now());
        this.completions.set(event.submissionId, seen);
      });
      this.list.push({ token: accessToken, socket });
    }
  }

  /** slug -> exercise id for a course, as a learner's course page lists them. */
  async exerciseIds(courseSlug) {
    const res = await fetch(`${this.apis[0]}/api/courses/${courseSlug}`, { headers: { authorization: `Bearer ${this.list[0].token}` } });
    if (res.status !== 200) throw new Error(`GET course ${courseSlug}: ${res.status}`);
    const course = await res.json();
    return new Map(course.chapters.flatMap((c) => c.exercises.map((e) => [e.slug, e.id])));
  }

  async submit(learnerIndex, { exerciseId, code }) {
    const learner = this.list[learnerIndex % this.list.length];
    const apiUrl = this.apis[this.seq++ % this.apis.length];
    const t0 = performance.now();
    const res = await fetch(`${apiUrl}/api/exercises/${exerciseId}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${learner.token}` },
      body: JSON.stringify({ code }),
    });
    const body = await res.json();
    if (res.status !== 202) {
      this.refused += 1;
      return null;
    }
    this.sent.set(body.id, t0);
    return body.id;
  }

  async waitCompleted(id, timeoutMs = GRACE_MS) {
    const deadline = performance.now() + timeoutMs;
    while (!this.completions.has(id) && performance.now() < deadline) await sleep(5);
    return this.completions.get(id);
  }

  /** Every learner solves the exercises in order (what unlocks every chapter), all learners at once. */
  async solveInOrder(exercises) {
    await Promise.all(
      this.list.map(async (_, index) => {
        for (const exercise of exercises) {
          const id = await this.submit(index, { exerciseId: exercise.id, code: exercise.code });
          const done = id && (await this.waitCompleted(id));
          if (!done || done.verdict !== 'passed')
            throw new Error(`unlocking the course: exercise ${exercise.id} did not pass (${done?.verdict ?? 'refused'})`);
        }
      }),
    );
  }

  async warmUp(submissions, count) {
    for (let i = 0; i < count; i++) {
      const id = await this.submit(i, submissions[i % submissions.length]);
      if (id) await this.waitCompleted(id);
    }
  }

  /** Closed loop: `inflight` slots, each submitting again as soon as its previous submission completed. */
  async maxRate(submissions, inflight, seconds) {
    const ids = [];
    let next = 0;
    const started = performance.now();
    const stopAt = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: inflight }, async () => {
        while (performance.now() < stopAt) {
          const n = next++;
          const id = await this.submit(n, submissions[n % submissions.length]);
          if (!id) {
            await sleep(50);
            continue;
          }
          ids.push(id);
          await this.waitCompleted(id);
        }
      }),
    );
    return this.summarise(ids, (performance.now() - started) / 1000);
  }

  /** Open loop: submissions sent on schedule whatever the latency. */
  async fixedRate(submissions, rate, seconds) {
    const ids = [];
    const started = performance.now();
    const pending = [];
    for (let i = 0; i < rate * seconds; i++) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(this.submit(i, submissions[i % submissions.length]).then((id) => id && ids.push(id)));
    }
    await Promise.all(pending);
    for (const id of ids) await this.waitCompleted(id);
    return this.summarise(ids, Math.max(seconds, (performance.now() - started) / 1000));
  }

  summarise(ids, elapsedS) {
    const latencies = [];
    let lost = 0;
    let duplicates = 0;
    for (const id of ids) {
      const got = this.completions.get(id);
      if (!got) lost += 1;
      else {
        latencies.push(got.at[0] - this.sent.get(id));
        duplicates += got.at.length - 1;
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      ids,
      completed: latencies.length,
      completedPerSecond: latencies.length / elapsedS,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      lost,
      duplicates,
    };
  }

  close() {
    for (const learner of this.list) learner.socket.disconnect();
  }
}
