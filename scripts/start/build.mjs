// "Build when needed" for npm start: the api/worker build (npm run build) and, once the web app
// exists, the web build (npm run build:web).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { cyan, fail, say, Tail } from './util.mjs';

export const API_ENTRY = 'dist/apps/api/apps/api/src/main.js';
export const WORKER_ENTRY = 'dist/apps/worker/apps/worker/src/main.js';
const SERVER_STAMP = 'dist/.server-build-stamp';
const WEB_STAMP = 'dist/.web-build-stamp';
let activeBuild = null;

/** Kills a build in progress (Ctrl-C while building). */
export function stopActiveBuild() {
  if (activeBuild && activeBuild.exitCode === null) activeBuild.kill('SIGTERM');
}

// Tests and docs are not part of the build: editing them must not trigger one.
const IGNORED_FILES = /(\.(e2e-)?spec\.[cm]?[jt]sx?|\.test\.[cm]?[jt]sx?|\.md)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.data', 'coverage']);

/** The newest file under `target` (a file or a folder) as { file, mtimeMs }. */
function newest(target, excluded = new Set()) {
  let best = { file: null, mtimeMs: 0 };
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (excluded.has(entry) || SKIP_DIRS.has(path.basename(entry))) return;
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else if (stat.mtimeMs > best.mtimeMs && !IGNORED_FILES.test(entry)) {
      best = { file: entry, mtimeMs: stat.mtimeMs };
    }
  };
  visit(target);
  return best;
}

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Why the api/worker build is out of date, or null when dist is fresh. */
export function serverBuildReason(root) {
  for (const entry of [API_ENTRY, WORKER_ENTRY]) {
    if (!fs.existsSync(path.join(root, entry))) return `${entry} is missing`;
  }
  const builtAt = Math.max(
    mtime(path.join(root, SERVER_STAMP)),
    Math.min(mtime(path.join(root, API_ENTRY)), mtime(path.join(root, WORKER_ENTRY))),
  );
  const excluded = new Set([path.join(root, 'apps/web')]);
  for (const source of ['apps', 'libs', 'scripts/build-sandbox.mjs', 'tsconfig.json', 'nest-cli.json']) {
    const { file, mtimeMs } = newest(path.join(root, source), excluded);
    if (mtimeMs > builtAt) return `${path.relative(root, file)} changed`;
  }
  return null;
}

/** The web app builds when apps/web/index.html and a build:web script exist. */
export function webBuildReason(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(root, 'apps/web/index.html')) || !pkg.scripts?.['build:web']) return null;
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) return 'dist/web/index.html is missing';
  const builtAt = Math.max(mtime(path.join(root, WEB_STAMP)), mtime(path.join(root, 'dist/web/index.html')));
  const { file, mtimeMs } = newest(path.join(root, 'apps/web'));
  return mtimeMs > builtAt ? `${path.relative(root, file)} changed` : null;
}

/** npm run <script>, output kept quiet unless it fails; one line with the time taken. */
function runScript(root, script, label) {
  const started = Date.now();
  process.stdout.write(`${cyan('[start]')} building ${label}…`);
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli, 'run', '--silent', script]] : ['npm', ['run', '--silent', script]];
  const output = new Tail(80);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    activeBuild = child;
    let buffer = '';
    const collect = (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      lines.forEach((line) => output.push(line));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      if (buffer) output.push(buffer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        process.stdout.write(` done in ${seconds} s\n`);
        resolve();
      } else {
        process.stdout.write(` failed after ${seconds} s\n`);
        fail(`\`npm run ${script}\` exited with ${code ?? sig}. Its last output:\n${output}`);
        reject(new Error(`npm run ${script} failed`));
      }
    });
  });
}

function stamp(root, file, at) {
  const target = path.join(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${new Date(at).toISOString()}\n`);
  fs.utimesSync(target, new Date(at), new Date(at)); // edits made during the build count as newer
}

/** Builds what is out of date. Set QUESTLINE_SKIP_BUILD=1 to never build. */
export async function buildIfNeeded(root) {
  if (process.env.QUESTLINE_SKIP_BUILD === '1') return;
  const server = serverBuildReason(root);
  if (server) {
    const at = Date.now();
    say(`api/worker build needed: ${server}`);
    await runScript(root, 'build', 'api and worker (npm run build)');
    stamp(root, SERVER_STAMP, at);
  }
  const web = webBuildReason(root);
  if (web) {
    const at = Date.now();
    say(`web build needed: ${web}`);
    await runScript(root, 'build:web', 'web app (npm run build:web)');
    stamp(root, WEB_STAMP, at);
  }
}
