// Small helpers for the CLI specs: temp folders written from a { path: content } map.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function writeTree(root: string, tree: Record<string, string>): void {
  for (const [file, content] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ql-${prefix}-`));
}

/** A minimal valid JavaScript exercise folder (relative to a pack root). */
export function jsExercise(
  chapter: string,
  slug: string,
  files: { solution?: string; starter?: string; wrong?: Record<string, string> } = {},
) {
  const tree: Record<string, string> = {
    [`${chapter}/${slug}/exercise.yaml`]: `slug: ${slug}\ntitle: ${slug}\nlanguage: javascript\ndifficulty: 1\nxp: 10\nfileName: ${slug}.js\nhints: [Try again]\n`,
    [`${chapter}/${slug}/README.md`]: `# ${slug}\n`,
    [`${chapter}/${slug}/starter/${slug}.js`]: files.starter ?? 'export const answer = 0;\n',
    [`${chapter}/${slug}/solution/${slug}.js`]: files.solution ?? 'export const answer = 42;\n',
    [`${chapter}/${slug}/tests/${slug}.test.js`]: `import { answer } from './${slug}';\ntest('answer', () => expect(answer).toBe(42));\n`,
    [`${chapter}/${slug}/tests/hidden/${slug}-hidden.test.js`]: `import { answer } from './${slug}';\ntest('hidden answer', () => expect(answer + 1).toBe(43));\n`,
  };
  for (const [name, code] of Object.entries(files.wrong ?? {})) tree[`${chapter}/${slug}/wrong/${name}`] = code;
  return tree;
}
