import fs from 'node:fs';
import path from 'node:path';

/**
 * The checkout's root: the nearest ancestor with Questline's package.json. Works from sources
 * (libs/config/src), compiled output (dist/apps/<app>/libs/config/src) and jest alike, whatever
 * the current directory is, so every local process finds the same `.data` folder.
 */
export function findProjectRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'questline') {
          return dir;
        }
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
