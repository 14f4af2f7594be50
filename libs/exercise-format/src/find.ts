// Finding exercise folders anywhere below a folder, so `pack test` works on a pack root, a chapter,
// a single exercise, or a loose folder of drafts without a pack.yaml.
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', 'dist']);

/** Absolute paths of folders holding an exercise.yaml, depth-first in name order. */
export function findExerciseDirs(dir: string): string[] {
  const root = path.resolve(dir);
  const found: string[] = [];
  const walk = (current: string) => {
    if (fs.existsSync(path.join(current, 'exercise.yaml'))) {
      // An exercise's own sub-folders (starter/, tests/, ...) never hold other exercises.
      found.push(current);
      return;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name)) walk(path.join(current, entry.name));
    }
  };
  walk(root);
  return found;
}
