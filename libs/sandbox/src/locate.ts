// Finds the built sandbox artefacts (dist/sandbox/harness.js and child.js) from wherever this module
// runs: source under jest, dist/apps/<app>/... after `nest build`, or /app in Docker.
import fs from 'node:fs';
import path from 'node:path';

const ARTEFACTS = ['harness.js', 'child.js'];

function isProjectRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'questline';
  } catch {
    return false;
  }
}

export function locateSandboxDir(startDir: string = __dirname, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.QUESTLINE_SANDBOX_DIR;
  const candidates: string[] = [];
  if (override) {
    candidates.push(path.resolve(override));
  } else {
    for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
      if (isProjectRoot(dir)) {
        candidates.push(path.join(dir, 'dist/sandbox'));
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const dir of candidates) {
    if (ARTEFACTS.every((file) => fs.existsSync(path.join(dir, file)))) return dir;
  }
  throw new Error(
    `Sandbox artefacts not found (looked in ${candidates.join(', ') || `the ancestors of ${startDir}`}). ` +
      'Run `npm run build:sandbox`, or set QUESTLINE_SANDBOX_DIR to the folder holding harness.js and child.js.',
  );
}
