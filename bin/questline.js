#!/usr/bin/env node
// Entry point for `npx questline ...`. Runs the built CLI; when the build is missing or older than
// the sources (apps/cli, libs), rebuilds it first, quietly. The CLI runs in a child Node process
// with --no-node-snapshot, which isolated-vm needs to start isolates.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const main = path.join(root, 'dist/apps/cli/apps/cli/src/main.js');
const sourceRoots = [path.join(root, 'apps/cli/src'), path.join(root, 'libs')];

/** Newest modification time of a non-spec .ts/.js source file below `dir`. */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestSource(full));
    } else if (/\.(ts|js|mjs|json)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(main)) return true;
  const built = fs.statSync(main).mtimeMs;
  return sourceRoots.some((dir) => newestSource(dir) > built);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`questline: building failed: ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.error) process.stderr.write(`${result.error.message}\n`);
    process.exit(1);
  }
}

/** Node 24 from the project's devDependencies when this script was started by an older `node`. */
function nodeBinary() {
  const major = Number(process.versions.node.split('.')[0]);
  const local = path.join(root, 'node_modules/.bin/node');
  return major < 24 && fs.existsSync(local) ? local : process.execPath;
}

if (isStale()) {
  process.stderr.write('questline: building the CLI (first run or sources changed)...\n');
  run('npx', ['nest', 'build', 'cli']);
  const sandboxBuild = path.join(root, 'scripts/build-sandbox.mjs');
  if (fs.existsSync(sandboxBuild)) run(nodeBinary(), [sandboxBuild]);
  // tsc keeps an unchanged file's old timestamp; touch main.js so the next run is not "stale" again.
  const now = new Date();
  fs.utimesSync(main, now, now);
}

const child = spawn(nodeBinary(), ['--no-node-snapshot', main, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
