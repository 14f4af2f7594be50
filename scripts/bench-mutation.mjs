#!/usr/bin/env node
// Benchmark of mutation testing (not a test): `npm run bench:mutation [-- <pack dir>]`, default the built-in
// backend-roadmap pack. Runs exactly what `questline pack test --mutate` runs (the built CLI's runPackTest,
// in this process, so the sandbox children are ours to measure) and prints:
//   - mutants graded and the wall-clock time of the whole run (checks + mutants), mutants per second;
//   - the CPU time (sandbox children, those already replaced included, + this process) per mutant, which
//     the machine's load affects far less, and what it gives per idle core;
//   - the load average before and after, since the machine may be shared.
// Options: --pool=<sandbox children> (default: one per core).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'exercises/backend-roadmap'));
const pool = Number(args.find((a) => a.startsWith('--pool='))?.split('=')[1] ?? os.availableParallelism());

// `pack validate` through bin/questline.js rebuilds the CLI (and the sandbox) when the sources changed.
execFileSync(process.execPath, [path.join(root, 'bin/questline.js'), 'pack', 'validate', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
const require = createRequire(import.meta.url);
const { runPackTest } = require(path.join(root, 'dist/apps/cli/apps/cli/src/pack-test.js'));
const { memoryOutput } = require(path.join(root, 'dist/apps/cli/apps/cli/src/output.js'));

/** CPU ms of this process and of every child it has had: live ones from /proc, reaped ones from cutime/cstime. */
function cpuMs() {
  const fields = (stat) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const self = fields(fs.readFileSync('/proc/self/stat', 'utf8'));
  // utime, stime, cutime, cstime (fields 14-17 of proc(5)), in USER_HZ = 100.
  let ticks = Number(self[11]) + Number(self[12]) + Number(self[13]) + Number(self[14]);
  for (const task of fs.readdirSync('/proc/self/task')) {
    for (const pid of fs.readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      try {
        const child = fields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
        ticks += Number(child[11]) + Number(child[12]);
      } catch {
        // exited between the two reads: its time is in cutime next time
      }
    }
  }
  return ticks * 10;
}

const load = () => os.loadavg()[0].toFixed(2);
const loadBefore = load();
const cpuBefore = cpuMs();
const started = performance.now();
const out = memoryOutput();
const summary = await runPackTest(dir, { out, mutate: true, poolSize: pool });
const wallMs = performance.now() - started;
const cpu = cpuMs() - cpuBefore;
const run = summary.mutation;
const graded = run.exercises.reduce((n, e) => n + e.mutants - e.equivalent, 0);
const fmt = (n) => n.toFixed(1);

console.log(
  `Questline mutation benchmark: Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, ${pool} sandbox children`,
);
console.log(`pack       ${path.relative(root, dir) || dir}: ${summary.exercises.length} exercises, ${summary.passed} passed the checks`);
console.log(`mutants    ${graded} graded (${run.killed} killed, ${run.survived} survived), lowest score ${run.lowestScore} %`);
console.log(`wall       ${fmt(wallMs / 1000)} s for the whole run = ${fmt((graded / wallMs) * 1000)} mutants/s (checks included)`);
console.log(
  `cpu        ${fmt(cpu / graded)} ms per mutant (children + this process) = ${fmt(1000 / (cpu / graded))} mutants/s per idle core`,
);
console.log(`load       1-minute load average ${loadBefore} before, ${load()} after`);
