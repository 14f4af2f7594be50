// What the end-to-end benchmark submits, and the grader-only throughput of the same submissions.
//   light:  the old row — Two Fer (getting-started), its reference and one wrong solution, 50/50.
//   course: every reference and wrong/ solution of the built-in backend-roadmap course, weighted as
//           learners submit: per exercise one passing attempt for every FAILING_PER_PASS failing ones.
// Loaded with the built CLI's pack loader and grade-request builder, so the grader-only row grades
// exactly what the worker grades (same tests, hidden ones included, same default limits).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const FAILING_PER_PASS = 2;

function builtModules(root) {
  const lib = (name) => path.join(root, 'dist/apps/cli/libs', name, 'src/index.js');
  for (const name of ['exercise-format', 'sandbox']) {
    if (!fs.existsSync(lib(name))) throw new Error(`${path.relative(root, lib(name))} is missing: run \`npm run build\` first.`);
  }
  return { format: require(lib('exercise-format')), sandbox: require(lib('sandbox')) };
}

/** A deterministic shuffle (mulberry32), so every run submits the same sequence. */
function shuffled(items, seed = 42) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The mixes: { name, course, exercises: [{slug, reference}] (in course order, to unlock it), entries:
 * [{slug, code, passes, request}] in submission order }.
 */
export function loadMixes(root) {
  const { format, sandbox } = builtModules(root);
  const entry = (exercise, code, passes) => ({
    slug: exercise.manifest.slug,
    code,
    passes,
    request: sandbox.buildGradeRequest(format.gradeSource(exercise), code, { includeHidden: true }),
  });

  const gettingStarted = format.loadPack(path.join(root, 'exercises/getting-started'));
  const twoFer = gettingStarted.chapters.flatMap((c) => c.exercises).find((e) => e.exercise.manifest.slug === 'two-fer').exercise;
  const light = {
    name: 'light',
    course: 'getting-started',
    unlock: [],
    entries: [
      entry(twoFer, twoFer.solution.code, true),
      entry(twoFer, twoFer.wrong.find((w) => w.fileName === 'forgets-default.js').code, false),
    ],
  };

  const roadmap = format.loadPack(path.join(root, 'exercises/backend-roadmap'));
  const exercises = roadmap.chapters.flatMap((c) => c.exercises.map((e) => e.exercise));
  const entries = [];
  for (const exercise of exercises) {
    entries.push(entry(exercise, exercise.solution.code, true));
    for (let i = 0; i < FAILING_PER_PASS && exercise.wrong.length > 0; i++) {
      entries.push(entry(exercise, exercise.wrong[(i + entries.length) % exercise.wrong.length].code, false));
    }
  }
  const course = {
    name: 'course',
    course: 'backend-roadmap',
    unlock: exercises.map((e) => ({ slug: e.manifest.slug, code: e.solution.code })),
    entries: shuffled(entries),
  };
  return { light, course };
}

/** CPU ms (user+sys) of this process's children (the sandbox processes) so far, from /proc. */
function childrenCpuMs() {
  let total = 0;
  for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
    const pids = fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const pid of pids) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
        total += (Number(rest[11]) + Number(rest[12])) * 10;
      } catch {
        // exited meanwhile
      }
    }
  }
  return total;
}

/**
 * The grader on its own, like `npm run bench:sandbox`'s throughput row (one child per core, two gradings
 * in flight per child) but on this mix: gradings/s, sandbox CPU per grading, and whether every entry
 * got the verdict the mix expects (a benchmark of the wrong thing is worse than none).
 */
export async function graderThroughput(root, mix, seconds) {
  const { createGrader } = require(path.join(process.env.QUESTLINE_SANDBOX_DIR ?? path.join(root, 'dist/sandbox'), 'grader.js'));
  const cores = os.availableParallelism();
  const grader = createGrader({ poolSize: cores });
  try {
    for (const item of mix.entries) {
      const result = await grader.grade(item.request);
      if ((result.verdict === 'passed') !== item.passes) {
        throw new Error(`${mix.name} mix: ${item.slug} graded ${result.verdict}, expected ${item.passes ? 'passed' : 'a failure'}`);
      }
    }
    let next = 0;
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: cores * 2 }, async () => {
        while (performance.now() < until) {
          await grader.grade(mix.entries[next++ % mix.entries.length].request);
          done++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return { perSecond: done / elapsed, sandboxCpuMs: (childrenCpuMs() - cpuBefore) / done };
  } finally {
    await grader.close();
  }
}
