// Builds small packs on disk for catalog and publishing tests. Every exercise's solution, hidden
// tests and wrong/ files carry SECRET markers so a test can prove none of them reaches a learner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as tar from 'tar';
import YAML from 'yaml';

export interface ExerciseSpec {
  slug: string;
  title?: string;
  xp?: number;
  /** 1–5, default 1. */
  difficulty?: number;
  hints?: string[];
  requires?: { chapters?: string[]; exercises?: string[] };
  /** What `answer()` returns in the reference solution (the tests expect it). Default 42. */
  answer?: number;
  /** Override the reference solution (e.g. a broken one). */
  solution?: string;
  /** Override the starter (e.g. one that already passes). */
  starter?: string;
  /** Extra text for the hidden test, to change the tests without changing the answer. */
  hiddenTestNote?: string;
  /** The manifest's `limits` (none by default: the platform defaults apply). */
  limits?: { timeMs?: number; memoryMb?: number };
  /** The manifest's `kind` (absent by default). */
  kind?: 'implement' | 'refactor';
  /** Files written into support/ (name -> code). */
  support?: Record<string, string>;
}

export interface ChapterSpec {
  slug: string;
  title?: string;
  requires?: { chapters?: string[]; exercises?: string[] };
  exercises: ExerciseSpec[];
}

export interface PackSpec {
  slug: string;
  version?: string;
  title?: string;
  description?: string;
  xp?: { firstTryBonusPercent?: number; hintCostPercent?: number };
  chapters: ChapterSpec[];
  /** Extra wrong/ files for every exercise (name → code), e.g. ones that loop until their time limit. */
  wrongFiles?: Record<string, string>;
}

export const titleOf = (slug: string) => slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Writes the pack into a new temp folder (or `into`) and returns the folder. */
export function writePack(spec: PackSpec, into?: string): string {
  const dir = into ?? fs.mkdtempSync(path.join(os.tmpdir(), `ql-pack-${spec.slug}-`));
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    slug: spec.slug,
    title: spec.title ?? titleOf(spec.slug),
    description: spec.description ?? `The ${spec.slug} pack`,
    version: spec.version ?? '1.0.0',
    authors: ['Test Author'],
    languages: ['javascript'],
    ...(spec.xp ? { xp: spec.xp } : {}),
    chapters: spec.chapters.map((chapter) => ({
      slug: chapter.slug,
      title: chapter.title ?? titleOf(chapter.slug),
      ...(chapter.requires ? { requires: chapter.requires } : {}),
      exercises: chapter.exercises.map((e) => (e.requires ? { slug: e.slug, requires: e.requires } : e.slug)),
    })),
  };
  fs.writeFileSync(path.join(dir, 'pack.yaml'), YAML.stringify(manifest));
  for (const chapter of spec.chapters) {
    for (const exercise of chapter.exercises) {
      writeExercise(path.join(dir, chapter.slug, exercise.slug), exercise);
      for (const [name, code] of Object.entries(spec.wrongFiles ?? {})) {
        fs.writeFileSync(path.join(dir, chapter.slug, exercise.slug, 'wrong', name), code);
      }
    }
  }
  return dir;
}

function writeExercise(dir: string, spec: ExerciseSpec): void {
  const file = `${spec.slug}.js`;
  const answer = spec.answer ?? 42;
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  put(
    'exercise.yaml',
    YAML.stringify({
      slug: spec.slug,
      title: spec.title ?? titleOf(spec.slug),
      language: 'javascript',
      difficulty: spec.difficulty ?? 1,
      xp: spec.xp ?? 10,
      fileName: file,
      hints: spec.hints ?? ['First hint', 'Second hint'],
      ...(spec.limits ? { limits: spec.limits } : {}),
      ...(spec.kind ? { kind: spec.kind } : {}),
    }),
  );
  for (const [name, code] of Object.entries(spec.support ?? {})) put(`support/${name}`, code);
  put('README.md', `# ${titleOf(spec.slug)}\n\nWrite \`answer()\`.\n`);
  put('starter/' + file, spec.starter ?? `export function answer() {\n  throw new Error('not yet');\n}\n`);
  put('solution/' + file, spec.solution ?? `// SECRET-SOLUTION-${spec.slug}\nexport function answer() {\n  return ${answer};\n}\n`);
  put(
    `tests/${spec.slug}.test.js`,
    `import { answer } from './${spec.slug}';\n\ntest('answers ${answer}', () => {\n  expect(answer()).toBe(${answer});\n});\n`,
  );
  put(
    `tests/hidden/${spec.slug}-more.test.js`,
    `// SECRET-HIDDEN-${spec.slug} ${spec.hiddenTestNote ?? ''}\nimport { answer } from './${spec.slug}';\n\ntest('hidden: answer is a number', () => {\n  expect(typeof answer()).toBe('number');\n});\n`,
  );
  put(`wrong/off-by-one.js`, `// SECRET-WRONG-${spec.slug}\nexport function answer() {\n  return ${answer + 1};\n}\n`);
}

/** The pack folder as a .tar.gz, entries relative to the folder (what `pack publish` uploads). */
export async function tarball(dir: string): Promise<Buffer> {
  return zlib.gzipSync(await tarBytes(dir));
}

/** The pack folder as an uncompressed tar, ending with its end-of-archive marker. */
export async function tarBytes(dir: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = tar.create({ cwd: dir, portable: true }, fs.readdirSync(dir));
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A hand-made .tar.gz (ustar) whose entry names and types are exactly as given, for hostile archives. */
export function rawTarball(entries: Array<{ name: string; body?: string; type?: '0' | '2' | '5'; linkName?: string }>): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = Buffer.alloc(512);
    header.write(entry.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(
      `${Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    header.write('        ', 148);
    header.write(entry.type ?? '0', 156);
    if (entry.linkName) header.write(entry.linkName, 157, 100, 'utf8');
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks));
}
