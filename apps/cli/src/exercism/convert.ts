// One Exercism exercise folder -> the files of one Questline exercise folder, or the reason it
// cannot be converted. Test files are copied byte for byte (only renamed to *.test.*).
import fs from 'node:fs';
import path from 'node:path';
import { SLUG_PATTERN, type ExerciseManifest } from '@questline/exercise-format';
import type { Language } from '@questline/sandbox';
import { stringify } from 'yaml';
import { buildReadme, parseHints, titleFromSlug } from './markdown';

/** What the track's root config.json says about an exercise. */
export interface TrackEntry {
  name?: string;
  difficulty?: number;
  status?: string;
}

export type Conversion =
  { ok: true; language: Language; files: Record<string, string>; manifest: ExerciseManifest } | { ok: false; reason: string };

interface ExercismConfig {
  files?: { solution?: string[]; test?: string[]; example?: string[]; exemplar?: string[] };
}

const LANGUAGE_OF: Record<string, Language> = { '.js': 'javascript', '.ts': 'typescript' };
// Module specifiers the sandbox provides besides the learner's own file.
const PROVIDED_MODULES = new Set(['@jest/globals']);

function fail(reason: string): Conversion {
  return { ok: false, reason };
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The sandbox's read-only in-memory `fs` and minimal `path` (docs/sandbox.md): over the exercise's data files. */
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path']);

/**
 * The data files that `code` reads through `fs`: the string literals in it that name a file (not a
 * module) in the exercise folder, at most one folder deep. A file that imports `fs` but names none of
 * them cannot be converted (it reads something the exercise does not ship).
 */
function dataFilesRead(dir: string, code: string, own: string): { names: string[] } | { reason: string } {
  if (!importedModules(code).some((specifier) => FS_MODULES.has(specifier) && specifier.includes('fs'))) return { names: [] };
  const names = new Set<string>();
  for (const match of code.matchAll(/['"`](?:\.\/)?((?:[\w-][\w.-]*\/)?[\w-][\w.-]*\.[\w]+)['"`]/g)) {
    const name = match[1]!;
    if (/\.[mc]?[jt]s$/.test(name) || /\.(spec|test)\./.test(name)) continue;
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) names.add(name);
  }
  if (names.size === 0) return { reason: `${own} reads files through "fs", but names none that the exercise folder provides` };
  return { names: [...names] };
}

/** Every module specifier imported or required by `code`. */
export function importedModules(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s+(?:[^'";]*?\s+from\s*)?['"]([^'"]+)['"]/g,
    /\bexport\s+[^'";]*?\s+from\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/**
 * The exercise's own files that `code` (a test, the example, a support file) imports, by stem, or why
 * it depends on something the sandbox will not have.
 */
function localImports(code: string, own: string): { stems: string[] } | { reason: string } {
  const stems: string[] = [];
  for (const specifier of importedModules(code)) {
    if (PROVIDED_MODULES.has(specifier) || FS_MODULES.has(specifier)) continue;
    const local = /^\.\/([\w.-]+?)(?:\.(?:js|ts|mjs|cjs))?$/.exec(specifier);
    if (local) stems.push(local[1]);
    else if (specifier.startsWith('.'))
      return { reason: `${own} imports ${specifier}, which is not a file beside it (folders are not supported)` };
    else
      return {
        reason: `${own} imports the package "${specifier}", which the sandbox does not provide (no file system, network or workers)`,
      };
  }
  return { stems };
}

/** `ledger`'s instructions begin "Refactor a ledger printer.": Exercism's refactoring exercises say so first. */
export function isRefactoring(instructions: string): boolean {
  const firstParagraph = instructions
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#'));
  return firstParagraph !== undefined && /^refactor\b/i.test(firstParagraph);
}

/**
 * Files the tests, the example and the stub import beside the learner's file (Exercism's `editor` files,
 * extra `solution` files the exercise provides in full, unlisted helpers), followed transitively.
 */
function collectSupport(
  dir: string,
  roots: Array<{ name: string; code: string }>,
  solutionStem: string,
): { files: Record<string, string> } | { reason: string } {
  const files: Record<string, string> = {};
  const queue = [...roots];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const found = localImports(next.code, next.name);
    if ('reason' in found) return found;
    const data = dataFilesRead(dir, next.code, next.name);
    if ('reason' in data) return data;
    for (const name of data.names) {
      const code = read(path.join(dir, name));
      if (code === undefined) return { reason: `${next.name} reads ${name}, which could not be read` };
      files[name] = code;
    }
    for (const target of found.stems) {
      if (target === solutionStem || Object.keys(files).some((f) => path.basename(f, path.extname(f)) === target)) continue;
      const name = ['.js', '.ts'].map((ext) => `${target}${ext}`).find((candidate) => fs.existsSync(path.join(dir, candidate)));
      const code = name === undefined ? undefined : read(path.join(dir, name));
      if (name === undefined || code === undefined)
        return { reason: `${next.name} imports ./${target}, which the exercise folder does not provide` };
      files[name] = code;
      queue.push({ name, code });
    }
  }
  return { files };
}

/** `two-fer.spec.js` -> `two-fer.test.js`; `two-fer.test.ts` stays. */
function testFileName(name: string): string {
  const ext = path.extname(name);
  const stem = path.basename(name, ext).replace(/\.(spec|test)$/, '');
  return `${stem}.test${ext}`;
}

export function convertExercise(dir: string, slug: string, track: TrackEntry = {}): Conversion {
  if (track.status === 'deprecated') return fail('deprecated in the track');
  if (!SLUG_PATTERN.test(slug)) return fail(`folder name "${slug}" is not kebab-case`);
  const rawConfig = read(path.join(dir, '.meta', 'config.json'));
  if (rawConfig === undefined) return fail('no .meta/config.json');
  let config: ExercismConfig;
  try {
    config = JSON.parse(rawConfig) as ExercismConfig;
  } catch {
    return fail('.meta/config.json is not valid JSON');
  }

  const solutionFiles = config.files?.solution ?? [];
  if (solutionFiles.length === 0) return fail('lists no solution file');
  // The learner's file is the one named after the exercise; other solution files become support files
  // when the exercise provides them in full (the tests import them; the learner cannot edit them here).
  const fileName = solutionFiles.find((f) => path.basename(f, path.extname(f)) === slug) ?? solutionFiles[0];
  const language = LANGUAGE_OF[path.extname(fileName)];
  if (!language) return fail(`solution file ${fileName} is not .js or .ts`);
  if (fileName.includes('/') || !/^[A-Za-z0-9_.-]+$/.test(fileName)) return fail(`solution file ${fileName} is not a plain file name`);
  const solutionStem = path.basename(fileName, path.extname(fileName));

  const reference = [...(config.files?.example ?? []), ...(config.files?.exemplar ?? [])];
  if (reference.length !== 1) return fail(`has ${reference.length} example/exemplar files; need exactly one reference solution`);
  const solution = read(path.join(dir, reference[0]));
  if (solution === undefined) return fail(`reference solution ${reference[0]} is missing`);
  const starter = read(path.join(dir, fileName));
  if (starter === undefined) return fail(`starter file ${fileName} is missing`);

  const testFiles = config.files?.test ?? [];
  if (testFiles.length === 0) return fail('lists no test files');
  const files: Record<string, string> = {
    [`starter/${fileName}`]: starter,
    [`solution/${fileName}`]: solution,
  };
  const roots = [
    { name: reference[0], code: solution },
    { name: fileName, code: starter },
  ];
  for (const test of testFiles) {
    if (LANGUAGE_OF[path.extname(test)] !== language) return fail(`test file ${test} is not a ${language} file`);
    const code = read(path.join(dir, test));
    if (code === undefined) return fail(`test file ${test} is missing`);
    roots.push({ name: test, code });
    files[`tests/${testFileName(path.basename(test))}`] = code;
  }
  const support = collectSupport(dir, roots, solutionStem);
  if ('reason' in support) return fail(support.reason);
  for (const [name, code] of Object.entries(support.files)) files[`support/${name}`] = code;

  const instructions = read(path.join(dir, '.docs', 'instructions.md'));
  if (instructions === undefined) return fail('no .docs/instructions.md');
  const title = track.name ?? titleFromSlug(slug);
  files['README.md'] = buildReadme(title, {
    introduction: read(path.join(dir, '.docs', 'introduction.md')),
    instructions,
    append: read(path.join(dir, '.docs', 'instructions.append.md')),
  });

  // Exercism difficulty is 1..10; Questline's is 1..5. Concept exercises have none: they are easy.
  const difficulty = Math.min(5, Math.max(1, Math.ceil((track.difficulty ?? 1) / 2))) as ExerciseManifest['difficulty'];
  const manifest: ExerciseManifest = {
    slug,
    title,
    language,
    difficulty,
    xp: difficulty * 10,
    fileName,
    hints: parseHints(read(path.join(dir, '.docs', 'hints.md')) ?? ''),
    // Its stub is a working implementation: `pack test` then requires the starter to pass.
    ...(isRefactoring(instructions) ? { kind: 'refactor' as const } : {}),
  };
  files['exercise.yaml'] = stringify(manifest);
  return { ok: true, language, files, manifest };
}
