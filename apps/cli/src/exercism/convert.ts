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

/** Why `code` (a test or the example) depends on something the sandbox will not have, if it does. */
function foreignImport(code: string, own: string, solutionStem: string): string | undefined {
  for (const specifier of importedModules(code)) {
    if (PROVIDED_MODULES.has(specifier)) continue;
    if (specifier.startsWith('.')) {
      const target = specifier.replace(/^\.\//, '').replace(/\.(js|ts|mjs|cjs)$/, '');
      if (target !== solutionStem) return `${own} imports ${specifier}, but Questline grades a single learner file`;
    } else {
      return `${own} imports the package "${specifier}", which the sandbox does not provide`;
    }
  }
  return undefined;
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
  if (solutionFiles.length !== 1) {
    return fail(
      `has ${solutionFiles.length} solution files (${solutionFiles.join(', ') || 'none'}); Questline exercises have exactly one learner file`,
    );
  }
  const fileName = solutionFiles[0];
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
  for (const test of testFiles) {
    if (LANGUAGE_OF[path.extname(test)] !== language) return fail(`test file ${test} is not a ${language} file`);
    const code = read(path.join(dir, test));
    if (code === undefined) return fail(`test file ${test} is missing`);
    const foreign = foreignImport(code, test, solutionStem);
    if (foreign) return fail(foreign);
    files[`tests/${testFileName(path.basename(test))}`] = code;
  }
  const foreign = foreignImport(solution, reference[0], solutionStem);
  if (foreign) return fail(foreign);

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
  };
  files['exercise.yaml'] = stringify(manifest);
  return { ok: true, language, files, manifest };
}
