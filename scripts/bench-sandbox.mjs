#!/usr/bin/env node
// Benchmark of the grading engine (not a test): `npm run bench:sandbox`.
// For a 10-test exercise it prints, in one run:
//   - floor: a bare isolate create + eval('1+1') + dispose;
//   - the child-process grader (what the worker uses): median and p99 per grading, back to back;
//   - the same exercise in TypeScript, type checked (default) and with `typecheck: false`: what checking adds;
//   - the same with 20 ms idle between gradings, when the child has the next isolate prepared in advance;
//   - throughput with one child per core and two jobs in flight per child: gradings/s, and per core;
//     and the CPU time (sandbox children + this process) per grading, which the machine's load affects far less;
//   - baseline: a fresh `node` process per grading (child.js --once: no warm process, no code cache);
//   - with SANDBOX_DATABASE_URL set (a sandbox PostgreSQL of its own): a warm SQL grading, back to back
//     and with 20 ms idle, and its ratio to the JavaScript grading (scripts/bench/sql-grading.mjs).
// Options: --n=<gradings for latency> (default 400), --seconds=<throughput window> (default 5).
// Set QUESTLINE_SANDBOX_TIMING=1 to have the children print where each grading's time goes.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqlLatency } from './bench/sql-grading.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const N = arg('n', 400);
const SECONDS = arg('seconds', 5);

execFileSync(process.execPath, [path.join(root, 'scripts/build-sandbox.mjs')], { stdio: 'inherit' });
const sandboxDir = process.env.QUESTLINE_SANDBOX_DIR ?? path.join(root, 'dist/sandbox');
const require = createRequire(import.meta.url);
const { createGrader } = require(path.join(sandboxDir, 'grader.js'));
const ivm = require('isolated-vm');

// A 10-test exercise in the Exercism style: a mix of toBe, toEqual, toThrow and test.each.
const request = {
  language: 'javascript',
  solution: {
    fileName: 'word-count.js',
    code: `export function countWords(text) {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  const counts = {};
  for (const word of text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) counts[word] = (counts[word] ?? 0) + 1;
  return counts;
}
export const total = (text) => Object.values(countWords(text)).reduce((a, b) => a + b, 0);
`,
  },
  tests: [
    {
      fileName: 'word-count.spec.js',
      hidden: false,
      code: `import { countWords, total } from './word-count';
describe('countWords', () => {
  test('one word', () => { expect(countWords('word')).toEqual({ word: 1 }); });
  test('one of each', () => { expect(countWords('one of each')).toEqual({ one: 1, of: 1, each: 1 }); });
  test('repeated', () => { expect(countWords('one fish two fish')).toEqual({ one: 1, fish: 2, two: 1 }); });
  test('punctuation', () => { expect(countWords('car: carpet as java : javascript!!&@$%^&')).toEqual({ car: 1, carpet: 1, as: 1, java: 1, javascript: 1 }); });
  test('case', () => { expect(countWords('go Go GO Stop stop')).toEqual({ go: 3, stop: 2 }); });
  test('apostrophes', () => { expect(countWords("Joe can't tell")).toEqual({ joe: 1, "can't": 1, tell: 1 }); });
  test('empty', () => { expect(countWords('')).toEqual({}); });
  test('not a string', () => { expect(() => countWords(42)).toThrow(TypeError); });
  test.each([['a b c', 3], ['a a', 2]])('total(%p)', (text, n) => { expect(total(text)).toBe(n); });
});
`,
    },
  ],
};

/** The same exercise in TypeScript: type checked (the default) or not (`typecheck: false`). */
const tsRequest = {
  language: 'typescript',
  solution: {
    fileName: 'word-count.ts',
    code: request.solution.code
      .replace('countWords(text)', 'countWords(text: unknown): Record<string, number>')
      .replace('const counts = {};', 'const counts: Record<string, number> = {};')
      .replace('total = (text)', 'total = (text: string): number'),
  },
  tests: request.tests.map((test) => ({ ...test, fileName: 'word-count.spec.ts' })),
};

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99) };
}
const ms = (value) => `${value.toFixed(2)} ms`;

/** `gapMs` > 0: pause between gradings, as when jobs trickle in; the child then has the next isolate ready. */
async function latency(gapMs = 0, runs = N, graded = request) {
  const grader = createGrader({ poolSize: 1 });
  try {
    const first = await grader.grade(graded);
    if (first.verdict !== 'passed' || first.tests.length !== 10)
      throw new Error(`benchmark exercise did not pass: ${JSON.stringify(first)}`);
    for (let i = 0; i < 50; i++) await grader.grade(graded);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const started = performance.now();
      const result = await grader.grade(graded);
      samples.push(performance.now() - started);
      if (result.verdict !== 'passed') throw new Error('grading failed during the benchmark');
    }
    return stats(samples);
  } finally {
    await grader.close();
  }
}

/** CPU time (ms) used so far by this process's child processes (the sandbox children), from /proc. */
function childrenCpuMs() {
  let total = 0;
  try {
    for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
      const pids = fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      for (const pid of pids) {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
      }
    }
  } catch {
    return NaN; // not Linux
  }
  return total;
}

async function throughput() {
  const cores = os.availableParallelism();
  const grader = createGrader({ poolSize: cores });
  try {
    await Promise.all(Array.from({ length: cores * 4 }, () => grader.grade(request)));
    let done = 0;
    const until = performance.now() + SECONDS * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        if ((await grader.grade(request)).verdict !== 'passed') throw new Error('grading failed during the benchmark');
        done++;
      }
    };
    const started = performance.now();
    const cpuBefore = childrenCpuMs() + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
    await Promise.all(Array.from({ length: cores * 2 }, worker));
    const cpuMs = childrenCpuMs() + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000 - cpuBefore;
    const perSecond = done / ((performance.now() - started) / 1000);
    // Wall-clock throughput depends on what else the machine runs; CPU time per grading (children and
    // this process, i.e. the worker side too) does much less, and gives the capacity of one idle core.
    return { cores, perSecond, perCore: perSecond / cores, cpuPerGrading: cpuMs / done };
  } finally {
    await grader.close();
  }
}

function freshProcess(runs = 20) {
  const job = JSON.stringify({ id: 1, ...request, limits: { timeMs: 5000, memoryMb: 64 }, maxSourceBytes: 65536, maxOutputBytes: 65536 });
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = spawnSync(
      process.execPath,
      ['--no-node-snapshot', '--disable-warning=ExperimentalWarning', path.join(sandboxDir, 'child.js'), '--once'],
      { input: job, env: {} },
    );
    samples.push(performance.now() - started);
    if (JSON.parse(out.stdout.toString()).verdict !== 'passed') throw new Error(`fresh-process grading failed: ${out.stderr}`);
  }
  return stats(samples);
}

async function bareIsolate(runs = 300) {
  const samples = [];
  for (let i = 0; i < runs + 30; i++) {
    const started = performance.now();
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    const context = await isolate.createContext();
    await context.eval('1+1', { timeout: 1000 });
    isolate.dispose();
    if (i >= 30) samples.push(performance.now() - started);
  }
  return stats(samples);
}

console.log(
  `Questline sandbox benchmark: Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, 10-test exercise`,
);
const floor = await bareIsolate();
console.log(`floor     bare isolate create+eval+dispose       median ${ms(floor.median)}  p99 ${ms(floor.p99)}`);
const lat = await latency();
console.log(`grader    child-process grader, back to back      median ${ms(lat.median)}  p99 ${ms(lat.p99)}  (${N} gradings)`);
const idle = await latency(20, Math.min(N, 200));
console.log(
  `grader    same, 20 ms idle between gradings      median ${ms(idle.median)}  p99 ${ms(idle.p99)}  (next isolate prepared while idle)`,
);
const checked = await latency(0, Math.min(N, 200), tsRequest);
const unchecked = await latency(0, Math.min(N, 200), { ...tsRequest, typecheck: false });
console.log(
  `typescript same in TS, type checked / not (back to back)  median ${ms(checked.median)} / ${ms(unchecked.median)}  added ${ms(checked.median - unchecked.median)}`,
);
const tput = await throughput();
console.log(
  `grader    throughput, ${tput.cores} children, 2 in flight each   ${tput.perSecond.toFixed(0)} gradings/s = ${tput.perCore.toFixed(0)} per core (wall clock, ${tput.cores} cores)`,
);
console.log(
  `grader    CPU per grading (children + grader)     ${ms(tput.cpuPerGrading)} = ${(1000 / tput.cpuPerGrading).toFixed(0)} gradings/s per idle core`,
);
const fresh = freshProcess();
console.log(`baseline  fresh node process per grading          median ${ms(fresh.median)}  p99 ${ms(fresh.p99)}`);
const sqlUrl = process.env.SANDBOX_DATABASE_URL;
if (sqlUrl) {
  const sql = await sqlLatency(createGrader, stats, sqlUrl, { runs: Math.min(N, 200) });
  console.log(
    `sql       SQL grading, back to back (5 tests)    median ${ms(sql.median)}  p99 ${ms(sql.p99)}  = ${(sql.median / lat.median).toFixed(1)}x the JavaScript grading`,
  );
  const sqlIdle = await sqlLatency(createGrader, stats, sqlUrl, { gapMs: 20, runs: Math.min(N, 100) });
  console.log(
    `sql       same, 20 ms idle between gradings      median ${ms(sqlIdle.median)}  p99 ${ms(sqlIdle.p99)}  = ${(sqlIdle.median / idle.median).toFixed(1)}x (slot reset while idle)`,
  );
} else {
  console.log('sql       skipped: set SANDBOX_DATABASE_URL to a sandbox PostgreSQL of its own (docs/sql.md)');
}
