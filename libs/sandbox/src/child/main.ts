// The sandbox child process. It grades one job at a time, each in a fresh isolate, and talks to the
// grader only through the IPC channel. It holds nothing of value: no environment secrets (the parent
// starts it with an empty environment), no database, no network use. When an isolate misbehaves it
// says so (`recycle`), and the parent replaces the whole process.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildJob, ChildMessage, ParentMessage } from '../protocol';
import type { TestProgress } from '../types';
import { sandboxErrorResult } from '../verdict';
import { PreparedIsolate } from './prepared-isolate';
import { JobRun, type HarnessCode, type JobEvents } from './run-job';

let currentJobId: number | null = null;

function send(message: ChildMessage, then?: () => void): void {
  if (!process.send) throw new Error('the sandbox child must be started with an IPC channel');
  process.send(message, undefined, undefined, then ? () => then() : undefined);
}

function catastrophic(message: string): void {
  // isolated-vm README: after this, V8 has lost control of the isolate; only aborting is safe
  // (process.exit() was seen to hang).
  const abort = () => process.abort();
  setTimeout(abort, 200).unref();
  send({ type: 'catastrophic', id: currentJobId, message }, abort);
}

/** A small grading that touches the common paths, so V8 has compiled them before the cache is made. */
const WARM_UP_JOB: ChildJob = {
  id: 0,
  language: 'javascript',
  solution: { fileName: 'warm-up.js', code: 'export const add = (a, b) => a + b;\nexport const list = () => [1, { a: 2 }];' },
  tests: [
    {
      fileName: 'warm-up.spec.js',
      hidden: false,
      code: `import { add, list } from './warm-up';
describe('warm up', () => {
  beforeEach(() => {});
  test('toBe', () => { expect(add(1, 2)).toBe(3); console.log('x', { y: 1 }); });
  test('toEqual', () => { expect(list()).toEqual([1, { a: 2 }]); expect(list()).toStrictEqual([1, { a: 2 }]); });
  test('fails', () => { expect(add(1, 1)).toBe(3); });
  test('fails deep', () => { expect(list()).toEqual([1, { a: 3 }]); });
  test('throws', () => { expect(() => { throw new Error('boom'); }).toThrow('boom'); expect(null).toBeNull(); });
  test.each([[1, 1, 2], [2, 2, 4]])('add(%i, %i)', (a, b, c) => { expect(add(a, b)).toEqual(c); });
  test('mock', async () => { const f = jest.fn(); f(1); expect(f).toHaveBeenCalledWith(1); await expect(Promise.resolve(1)).resolves.toBe(1); expect({ a: 1, b: 2 }).toMatchObject({ a: expect.any(Number) }); expect('abc').toContain('b'); expect([1]).toHaveLength(1); expect(1).toBeGreaterThan(0); expect(true).toBeTruthy(); });
});`,
    },
  ],
  limits: { timeMs: 5000, memoryMb: 64 },
  maxSourceBytes: 65536,
  maxOutputBytes: 65536,
};

/**
 * Grades the warm-up job with the harness compiled from source, then compiles the harness again to
 * produce its cachedData: V8 then includes every function the run compiled lazily.
 */
async function warmHarness(code: string): Promise<HarnessCode> {
  const ignore = () => {};
  const run = new JobRun(WARM_UP_JOB, { code }, { registered: ignore, progress: ignore, catastrophic }, undefined, true);
  const outcome = await run.execute();
  if (outcome.result.verdict !== 'failed' || !run.producedCache) {
    throw new Error(`harness warm-up did not grade as expected: ${JSON.stringify(outcome.result).slice(0, 2000)}`);
  }
  return { code, cachedData: run.producedCache };
}

/** Memory limit of the isolate prepared ahead of time: the platform default, which most jobs use. */
const SPARE_MEMORY_MB = 64;

async function main(): Promise<void> {
  const harness = await warmHarness(fs.readFileSync(path.join(__dirname, 'harness.js'), 'utf8'));
  // The next job's isolate, prepared while idle. A failed preparation just means the job prepares its own.
  let spare: Promise<PreparedIsolate | undefined> = Promise.resolve(undefined);
  const prepareSpare = () => {
    spare = PreparedIsolate.create(harness, SPARE_MEMORY_MB, catastrophic).catch(() => undefined);
  };
  prepareSpare();
  process.on('message', (raw: ParentMessage) => {
    if (raw?.type !== 'job') return;
    const job = raw.job;
    if (currentJobId !== null) {
      send({ type: 'result', id: job.id, result: sandboxErrorResult('The sandbox child was busy.'), recycle: true });
      return;
    }
    currentJobId = job.id;
    // Progress events that arrive in the same turn of the event loop (a run of fast tests) go out as one
    // IPC message: each message costs tens of microseconds on both sides. Slow tests still stream.
    let pending: TestProgress[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      send({ type: 'progress', id: job.id, progress: pending });
      pending = [];
    };
    const events: JobEvents = {
      registered: ({ names, ids, hidden }) => send({ type: 'registered', id: job.id, names, ...(ids ? { ids } : {}), hidden }),
      progress: (progress) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push(progress);
      },
      catastrophic,
    };
    const taken = spare;
    // The next isolate is prepared once this job's result is sent, not during the job: measured, preparing
    // it concurrently slowed the running job (idle-gap latency 4.2 → 7.5 ms on this loaded 2-core VM)
    // and did not help back-to-back gradings.
    spare = Promise.resolve(undefined);
    void taken
      .then((prepared) => new JobRun(job, harness, events, prepared).execute())
      .catch((error: unknown) => {
        console.error('[sandbox child] unexpected failure', error);
        return { result: sandboxErrorResult('The grader failed unexpectedly.'), recycle: true };
      })
      .then((outcome) => {
        currentJobId = null;
        flush();
        send({ type: 'result', id: job.id, result: outcome.result, recycle: outcome.recycle });
        // Preparing is synchronous (prepared-isolate.ts): let the result go out first.
        if (!outcome.recycle) setImmediate(prepareSpare);
      });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

/**
 * `node child.js --once`: grade one job read from stdin and print the result, in a fresh process with
 * no warm cache. Only the benchmark uses it, as the "fresh node process per grading" baseline.
 */
async function once(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChildJob;
  const ignore = () => {};
  const code = fs.readFileSync(path.join(__dirname, 'harness.js'), 'utf8');
  const outcome = await new JobRun(job, { code }, { registered: ignore, progress: ignore, catastrophic }).execute();
  process.stdout.write(JSON.stringify(outcome.result));
}

(process.argv.includes('--once') ? once() : main()).catch((error: unknown) => {
  console.error('[sandbox child] failed to start', error);
  process.exit(1);
});
