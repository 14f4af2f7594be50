// Loading one exercise folder (`<pack>/<chapter>/<exercise>/`) and checking everything a grader and
// an author rely on: the manifest schema, slug = folder name, the learner's file in starter/ and
// solution/, extensions that match the language, and at least one visible test.
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile, TestFile } from '@questline/sandbox';
import { ExerciseFormatError } from './issues';
import { PACK_LIMITS, formatBytes } from './limits';
import { exerciseManifestSchema } from './schema';
import type { ExerciseManifest, FormatIssue, LoadedExercise } from './types';
import { readManifest } from './yaml-file';

export const EXERCISE_MANIFEST = 'exercise.yaml';

/** The learner's file, starters, solutions and wrong/ files. */
const EXTENSION = { javascript: '.js', typescript: '.ts', sql: '.sql' } as const;
/** Test files: an SQL exercise's tests are JavaScript that runs the SQL through `db` (@questline/sql). */
const TEST_EXTENSION = { javascript: '.js', typescript: '.ts', sql: '.js' } as const;
export const DATABASE_FILE = 'schema.sql';
const TEST_FILE = /\.test\.(js|ts)$/;

export interface ExerciseCheckOptions {
  /**
   * Folder that issue paths are relative to. Defaults to the grandparent of the exercise folder,
   * which is the pack root in the standard layout (`basics/two-fer/exercise.yaml`).
   */
  base?: string;
}

export interface ExerciseCheck {
  exercise?: LoadedExercise;
  issues: FormatIssue[];
}

/** Every problem with the exercise folder; `exercise` is set only when there are none. */
export function checkExercise(dir: string, options: ExerciseCheckOptions = {}): ExerciseCheck {
  const root = path.resolve(dir);
  const base = options.base ?? path.dirname(path.dirname(root));
  const display = (...parts: string[]) =>
    path
      .relative(base, path.join(root, ...parts))
      .split(path.sep)
      .join('/');
  const issues: FormatIssue[] = [];
  const manifestFile = display(EXERCISE_MANIFEST);

  const { value: manifest, issues: manifestIssues } = readManifest(
    path.join(root, EXERCISE_MANIFEST),
    manifestFile,
    exerciseManifestSchema,
  );
  issues.push(...manifestIssues);

  const instructions = readText(path.join(root, 'README.md'), PACK_LIMITS.bytes.readme, display('README.md'), issues);
  if (instructions === undefined) issues.push({ file: display('README.md'), message: 'is missing (the instructions)' });
  else if (instructions.trim() === '') issues.push({ file: display('README.md'), message: 'is empty' });

  if (!manifest) {
    // Without a manifest we do not know the file name or language; still report missing tests.
    if (listFiles(path.join(root, 'tests')).filter((f) => TEST_FILE.test(f)).length === 0) {
      issues.push({ file: display('tests'), message: 'has no visible tests (tests/*.test.js or *.test.ts)' });
    }
    return { issues };
  }

  const folder = path.basename(root);
  if (manifest.slug !== folder) {
    issues.push({ file: manifestFile, field: 'slug', message: `must equal the folder name "${folder}"` });
  }
  const ext = EXTENSION[manifest.language];
  if (path.extname(manifest.fileName) !== ext) {
    issues.push({ file: manifestFile, field: 'fileName', message: `must end in ${ext} for a ${manifest.language} exercise` });
  }

  const starter = readLearnerFile(root, 'starter', manifest, display, issues);
  const solution = readLearnerFile(root, 'solution', manifest, display, issues);
  const visibleTests = readTests(path.join(root, 'tests'), false, manifest, display, issues);
  const hiddenTests = readTests(path.join(root, 'tests', 'hidden'), true, manifest, display, issues);
  if (visibleTests.length === 0) {
    issues.push({ file: display('tests'), message: `has no visible tests (tests/*.test${TEST_EXTENSION[manifest.language]})` });
  }
  const allTests = [...visibleTests, ...hiddenTests];
  const testBytes = allTests.reduce((sum, test) => sum + Buffer.byteLength(test.code), 0);
  if (allTests.length > PACK_LIMITS.count.testFiles) {
    issues.push({ file: display('tests'), message: `has ${allTests.length} test files; at most ${PACK_LIMITS.count.testFiles}` });
  }
  if (testBytes > PACK_LIMITS.bytes.tests) {
    issues.push({
      file: display('tests'),
      message: `holds ${formatBytes(testBytes)} of tests (visible and hidden); at most ${formatBytes(PACK_LIMITS.bytes.tests)}`,
    });
  }
  const wrong = readWrong(root, manifest, display, issues);
  const setup = readText(path.join(root, DATABASE_FILE), PACK_LIMITS.bytes.testFile, display(DATABASE_FILE), issues);
  if (setup === undefined && manifest.language === 'sql') {
    issues.push({ file: display(DATABASE_FILE), message: 'is missing (an sql exercise needs its schema and seed data)' });
  }
  const support = readSupport(root, manifest, display, issues);

  if (issues.length > 0 || !starter || !solution) return { issues };
  return {
    issues,
    exercise: {
      dir: root,
      manifest,
      instructions: instructions ?? '',
      starter,
      solution,
      visibleTests,
      hiddenTests,
      wrong,
      support,
      ...(setup !== undefined ? { database: { setup } } : {}),
    },
  };
}

/** Loads an exercise folder or throws an ExerciseFormatError listing every problem. */
export function loadExercise(dir: string, options: ExerciseCheckOptions = {}): LoadedExercise {
  const { exercise, issues } = checkExercise(dir, options);
  if (!exercise) throw new ExerciseFormatError(issues);
  return exercise;
}

type Display = (...parts: string[]) => string;

/**
 * The file's text; undefined when it does not exist. A file over `maxBytes` is reported (as `shown`)
 * and not read, so a 12 MB README never reaches memory, let alone the database.
 */
function readText(file: string, maxBytes: number, shown: string, issues: FormatIssue[]): string | undefined {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return undefined;
  }
  if (size > maxBytes) {
    issues.push({ file: shown, message: `is ${formatBytes(size)}; at most ${formatBytes(maxBytes)}` });
    return '';
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Plain files directly inside `dir`, sorted; [] when the folder does not exist. */
function listFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function listDirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function readLearnerFile(
  root: string,
  folder: 'starter' | 'solution',
  manifest: ExerciseManifest,
  display: Display,
  issues: FormatIssue[],
): SourceFile | undefined {
  for (const name of listFiles(path.join(root, folder))) {
    if (name !== manifest.fileName) {
      issues.push({
        file: display(folder, name),
        message: `unexpected file: ${folder}/ holds only ${manifest.fileName} (the fileName in exercise.yaml)`,
      });
    }
  }
  const code = readText(path.join(root, folder, manifest.fileName), PACK_LIMITS.bytes.source, display(folder, manifest.fileName), issues);
  if (code === undefined) {
    issues.push({
      file: display(folder, manifest.fileName),
      message: `is missing (${folder}/ must contain the fileName from exercise.yaml)`,
    });
    return undefined;
  }
  return { fileName: manifest.fileName, code };
}

function readTests(dir: string, hidden: boolean, manifest: ExerciseManifest, display: Display, issues: FormatIssue[]): TestFile[] {
  const ext = TEST_EXTENSION[manifest.language];
  const rel = hidden ? ['tests', 'hidden'] : ['tests'];
  const tests: TestFile[] = [];
  for (const name of listFiles(dir)) {
    if (!TEST_FILE.test(name)) {
      issues.push({
        file: display(...rel, name),
        message: `is not a test file: only *.test${ext} files are graded (tests cannot import helpers)`,
      });
    } else if (!name.endsWith(`.test${ext}`)) {
      issues.push({ file: display(...rel, name), message: `must end in .test${ext} for a ${manifest.language} exercise` });
    } else {
      // Authors often give a hidden file the same name as the visible one, so the hidden one keeps
      // its folder in the name: the two stay distinct in the sandbox and in stack traces.
      const fileName = hidden ? `hidden/${name}` : name;
      const code = readText(path.join(dir, name), PACK_LIMITS.bytes.testFile, display(...rel, name), issues) ?? '';
      tests.push({ fileName, code, hidden });
    }
  }
  return tests;
}

/** Imports name a module by its stem (`./lib`), so a support file may not share the learner file's. */
function stemOf(fileName: string): string {
  return fileName.replace(/\.[mc]?[jt]s$/, '');
}

function readSupport(root: string, manifest: ExerciseManifest, display: Display, issues: FormatIssue[]): SourceFile[] {
  const support: SourceFile[] = [];
  const stems = new Set([stemOf(manifest.fileName)]);
  const dir = path.join(root, 'support');
  // Data files (not modules: `words.csv`, `data/input.txt`, one folder deep) are read through the
  // sandbox's read-only `fs`; they travel with the support files and count towards the tests' bytes.
  const folders = listDirs(dir);
  const data = [
    ...listFiles(dir).filter((name) => !/\.[mc]?[jt]s$/.test(name)),
    ...folders.flatMap((folder) => listFiles(path.join(dir, folder)).map((name) => `${folder}/${name}`)),
  ];
  if (data.length > PACK_LIMITS.count.dataFiles) {
    issues.push({ file: display('support'), message: `has ${data.length} data files; at most ${PACK_LIMITS.count.dataFiles}` });
  } else {
    for (const name of data) {
      if (!/^(?:[\w-][\w.-]*\/)?[\w-][\w.-]*$/.test(name) || /\.[mc]?[jt]s$/.test(name)) {
        issues.push({
          file: display('support', name),
          message: 'a data file in a folder of support/ must not be a module, and names are letters, digits, . _ -',
        });
        continue;
      }
      const code = readText(path.join(dir, name), PACK_LIMITS.bytes.dataFile, display('support', name), issues);
      if (code !== undefined) support.push({ fileName: name, code });
    }
  }
  for (const name of listFiles(dir).filter((n) => /\.[mc]?[jt]s$/.test(n))) {
    if (!/^[\w.-]+\.(js|ts)$/.test(name) || TEST_FILE.test(name)) {
      issues.push({
        file: display('support', name),
        message: 'must be a .js or .ts module that is not a test (support files are imported as ./name)',
      });
    } else if (stems.has(stemOf(name))) {
      issues.push({ file: display('support', name), message: `has the same name as another module (imports say ./${stemOf(name)})` });
    } else {
      stems.add(stemOf(name));
      support.push({ fileName: name, code: fs.readFileSync(path.join(root, 'support', name), 'utf8') });
    }
  }
  return support;
}

function readWrong(root: string, manifest: ExerciseManifest, display: Display, issues: FormatIssue[]): SourceFile[] {
  const ext = EXTENSION[manifest.language];
  const wrong: SourceFile[] = [];
  const names = listFiles(path.join(root, 'wrong'));
  if (names.length > PACK_LIMITS.count.wrongFiles) {
    issues.push({ file: display('wrong'), message: `has ${names.length} files; at most ${PACK_LIMITS.count.wrongFiles}` });
  }
  for (const name of names) {
    if (path.extname(name) !== ext) {
      issues.push({ file: display('wrong', name), message: `must end in ${ext} for a ${manifest.language} exercise` });
    } else {
      const code = readText(path.join(root, 'wrong', name), PACK_LIMITS.bytes.source, display('wrong', name), issues) ?? '';
      wrong.push({ fileName: name, code });
    }
  }
  return wrong;
}
