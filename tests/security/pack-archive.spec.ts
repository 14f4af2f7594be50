// Issue 12 item 1: a hostile pack archive cannot stall the api. A valid pack followed by zeros after
// the end-of-archive marker (17 KB on the wire for 16 MiB, 1 MB for 1 GiB) used to keep the event loop
// busy for seconds to minutes; now the archive is read once, as a stream, in a worker thread, stopping at
// the marker, and a concurrent health check keeps answering quickly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, type TestUser } from '../fixtures/users';
import { tarBytes, writePack } from '../packs/pack-fixture';

jest.setTimeout(120_000);

const MiB = 1024 * 1024;
const builtIns = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-sec-builtin-'));
writePack({ slug: 'sealed', chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] }, path.join(builtIns, 'sealed'));

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  process.env.EXERCISES_DIR = builtIns;
  api = await startApi();
  owner = await createUserWithRole(api, UserRole.Instructor);
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(builtIns, { recursive: true, force: true });
});

/**
 * gzip of `tar` followed by `zeros` bytes of zeros. The zeros are gzip members of 16 MiB each, compressed
 * once and repeated (gunzip reads concatenated members as one stream), so the test builds 1 GiB quickly.
 */
function zeroTailed(tar: Buffer, zeros: number): Buffer {
  const parts = [zlib.gzipSync(tar)];
  const member = zlib.gzipSync(Buffer.alloc(Math.min(zeros, 16 * MiB)), { level: 9 });
  for (let left = zeros; left > 0; left -= 16 * MiB) parts.push(left >= 16 * MiB ? member : zlib.gzipSync(Buffer.alloc(left)));
  return Buffer.concat(parts);
}

/** Uploads `archive` while GET /api/health runs back to back; the slowest health check and the upload's time. */
async function uploadWhileProbing(
  archive: Buffer,
): Promise<{ status: number; body: Record<string, unknown>; ms: number; healthMaxMs: number }> {
  let done = false;
  const healthMs: number[] = [];
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${api.url}/api/health`);
      await res.arrayBuffer();
      healthMs.push(performance.now() - started);
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const res = await request(api.url)
    .post('/api/packs')
    .set('Authorization', bearer(owner))
    .attach('pack', archive, { filename: 'pack.tar.gz', contentType: 'application/gzip' });
  const ms = performance.now() - started;
  // A few more probes after the answer: the api must not be busy with the rest of the archive either.
  await new Promise((resolve) => setTimeout(resolve, 200));
  done = true;
  await probe;
  // The 90th percentile, not the maximum: one probe stalled by another test file sharing the CPU is not the
  // api's doing, while an event loop blocked by the archive (18–40 s before the fix) stalls every probe.
  const sorted = [...healthMs].sort((x, y) => x - y);
  const healthMaxMs = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] ?? 0;
  return { status: res.status, body: res.body as Record<string, unknown>, ms, healthMaxMs };
}

// A built-in slug: the api must read pack.yaml (at the start) and answer 403, after nothing else.
const sealedTar = () =>
  tarBytes(writePack({ slug: 'sealed', version: '9.0.0', chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] }));

type Bounds = { ms: number; healthMs: number };

/**
 * The bounds (answered within 1 s, health under 100 ms), unless this machine is so loaded that the
 * same archive WITHOUT the tail is already slow: then 3x what that baseline took in this run. Either way the
 * tail must cost next to nothing (before the fix it cost 18-40 s for 16 MiB, minutes for 1 GiB).
 */
async function boundsWithoutTail(tar: Buffer): Promise<Bounds> {
  await uploadWhileProbing(zeroTailed(tar, 0)); // warm the route and the reader thread
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await uploadWhileProbing(zeroTailed(tar, 0)));
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[1];
  // Health: the slowest probe of the baseline runs, since a loaded machine stalls a probe now and then anyway.
  const base = { ms: median(runs.map((r) => r.ms)), healthMs: Math.max(...runs.map((r) => r.healthMaxMs)) };
  const bounds = { ms: Math.max(1000, 3 * base.ms), healthMs: Math.max(100, 3 * base.healthMs) };
  if (process.env.PACK_ARCHIVE_FIGURES) console.log(`baseline (no tail): ${JSON.stringify(base)}; bounds: ${JSON.stringify(bounds)}`);
  return bounds;
}

/** The bounds for the sealed (403) pack; an archive that goes further (a full validation) measures its own. */
let bounds: Bounds = { ms: 1000, healthMs: 100 };

beforeAll(async () => {
  bounds = await boundsWithoutTail(await sealedTar());
});

/**
 * Uploads twice and judges the faster run: another test file sharing the two cores can stall one upload for a
 * second, never both, while the defect this guards against (18-40 s, minutes for 1 GiB) slows every run.
 * Both runs must give the right answer.
 */
async function fasterOfTwo(archive: Buffer, check: (run: Awaited<ReturnType<typeof uploadWhileProbing>>) => void) {
  const first = await uploadWhileProbing(archive);
  check(first);
  if (first.ms < bounds.ms && first.healthMaxMs < bounds.healthMs) return first;
  const second = await uploadWhileProbing(archive);
  check(second);
  return second.ms < first.ms ? second : first;
}

function expectQuick(label: string, run: { ms: number; healthMaxMs: number }, factor = 1, within: Bounds = bounds): void {
  if (process.env.PACK_ARCHIVE_FIGURES)
    console.log(`${label}: answered in ${run.ms.toFixed(0)} ms, slowest health ${run.healthMaxMs.toFixed(1)} ms`);
  expect(run.ms).toBeLessThan(factor * within.ms);
  expect(run.healthMaxMs).toBeLessThan(within.healthMs);
}

describe('zeros after the end-of-archive marker', () => {
  it.each([
    ['16 MiB', 16 * MiB],
    ['1 GiB', 1024 * MiB],
  ])('%s of zeros: answered within 1 s while /api/health stays under 100 ms', async (_label, zeros) => {
    const archive = zeroTailed(await sealedTar(), zeros);
    expect(archive.length).toBeLessThan(1.1 * MiB);
    const run = await fasterOfTwo(archive, (r) =>
      expect({ status: r.status, message: r.body.message }).toEqual({ status: 403, message: expect.stringMatching(/built-in/) }),
    );
    expectQuick(_label, run);
  });

  it('an invalid pack with a zero tail is refused (422) with its report, just as fast', async () => {
    const dir = writePack({ slug: 'zero-invalid', chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });
    fs.rmSync(path.join(dir, 'basics', 'one', 'README.md'));
    const tar = await tarBytes(dir);
    // Its baseline is the same invalid pack without the tail: it is validated in full (unlike the sealed pack,
    // refused after pack.yaml), so "just as fast" compares it with itself.
    const own = await boundsWithoutTail(tar);
    const run = await uploadWhileProbing(zeroTailed(tar, 256 * MiB));
    expect(run.status).toBe(422);
    expect(run.body.report).toContainEqual({ exercise: 'one', file: 'basics/one/README.md', message: expect.stringMatching(/missing/) });
    expectQuick('invalid, 256 MiB', run, 1, own);
  });
});

describe('byte and entry budgets', () => {
  const header = (name: string, size: number): Buffer => {
    const block = Buffer.alloc(512);
    block.write(name, 0);
    block.write('0000644\0', 100);
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
    block.write('00000000000\0', 136);
    block.write('        ', 148);
    block.write('0', 156);
    block.write('ustar\0', 257);
    block.write('00', 263);
    let sum = 0;
    for (const byte of block) sum += byte;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return block;
  };

  it('refuses a gzip bomb (more than 50 MB unpacked) as soon as the budget is spent', async () => {
    const file = 3 * MiB;
    const gzip = zlib.createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    for (let i = 0; i < 40; i++) {
      gzip.write(header(`pad-${i}.txt`, file));
      gzip.write(Buffer.alloc(file));
    }
    await new Promise<void>((resolve) => gzip.end(resolve));
    const run = await uploadWhileProbing(Buffer.concat(chunks));
    expect(run.status).toBe(422);
    expect(run.body.report).toEqual([{ exercise: null, message: expect.stringMatching(/too large when unpacked/) }]);
    // 50 MB really are decompressed here (the budget is spent on real data), so allow twice the bound.
    expectQuick('gzip bomb', run, 2);
  });

  it('refuses an entry larger than any pack file, naming it, before reading its body', async () => {
    const archive = zlib.gzipSync(Buffer.concat([header('pack.yaml', 8), Buffer.alloc(512), header('huge.bin', 3 * 1024 * MiB)]));
    const res = await request(api.url)
      .post('/api/packs')
      .set('Authorization', bearer(owner))
      .attach('pack', archive, { filename: 'pack.tar.gz', contentType: 'application/gzip' })
      .expect(422);
    expect(res.body.report).toEqual([{ exercise: null, message: expect.stringMatching(/"huge\.bin" is too large/) }]);
  });

  it('refuses a tar header with a bad checksum instead of guessing', async () => {
    const block = header('pack.yaml', 0);
    block[0] = 'q'.charCodeAt(0);
    const res = await request(api.url)
      .post('/api/packs')
      .set('Authorization', bearer(owner))
      .attach('pack', zlib.gzipSync(Buffer.concat([block, Buffer.alloc(1024)])), { filename: 'p.tar.gz', contentType: 'application/gzip' })
      .expect(422);
    expect(res.body.report[0].message).toMatch(/bad header checksum/);
  });
});
