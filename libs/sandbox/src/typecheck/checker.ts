// Type checks a TypeScript grading with the TypeScript compiler API, inside the sandbox child (so the
// parent's wall-clock watchdog and RSS ceiling cover it, as they cover execution). The program is the
// learner's file plus the test files, over a virtual file system: the standard library's declaration
// files are the only real files it can read, parsed once per child and reused by every program (they
// are bound once, as a language service's document registry shares them). Test files are kept by
// content too, since they are the same for every submission to an exercise.
import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import type { SourceDiagnostic, TypecheckOptions } from '@questline/contracts';
import { TYPECHECK_OPTION_NAMES } from '@questline/contracts';
import type { SourceFile, TestFile } from '../types';
import { JEST_GLOBALS_DTS, JEST_GLOBALS_FILE, SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_FILE } from './ambient';
import { testRanges, testNameAt, type TestRange } from './test-ranges';
import { typescript } from './typescript';
import { MAX_DIAGNOSTICS } from './diagnostics';

export interface CheckInput {
  solution: SourceFile;
  tests: readonly TestFile[];
  options: TypecheckOptions;
  /** Date.now() past which checking stops (the grading's own time budget). */
  deadline: number;
}

export type CheckOutcome =
  | { kind: 'ok'; durationMs: number }
  | { kind: 'errors'; diagnostics: SourceDiagnostic[]; total: number; durationMs: number }
  /** The budget ran out between two checks of the cancellation token. */
  | { kind: 'time'; durationMs: number }
  /** The compiler itself failed (a stack overflow on hostile input): the child should be replaced. */
  | { kind: 'crashed'; message: string; durationMs: number };

const MAX_MESSAGE_CHARS = 2000;

const SOURCE_DIR = '/questline/src/';
/** Where the program sees the standard library (a virtual path: messages must not show the host's folders). */
const VIRTUAL_LIB_DIR = '/questline/lib';
const libDir = () => path.dirname(typescript().getDefaultLibFilePath({}));
/** The standard library files a program may load: ES2023 and what it references, nothing of DOM or Node. */
const LIB_NAME = /^lib\.(es5|es20(1[5-9]|2[0-3])(\.[a-z]+)*|decorators(\.legacy)?)\.d\.ts$/;

const baseOptions = (ts: typeof TS): TS.CompilerOptions => ({
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts'],
  types: [],
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  allowJs: false,
  noErrorTruncation: false,
});

/** Compiler options for a grading: the platform's, then the exercise's switches (strict unless it says otherwise). */
export function compilerOptions(options: TypecheckOptions): TS.CompilerOptions {
  const result: TS.CompilerOptions = { ...baseOptions(typescript()), strict: true };
  for (const name of TYPECHECK_OPTION_NAMES) {
    const value = options[name];
    if (typeof value === 'boolean') result[name] = value;
  }
  return result;
}

// --- source files kept for the life of the child ---
const libFiles = new Map<string, TS.SourceFile>();
let ambient: Map<string, TS.SourceFile> | undefined;
function ambientFiles(): Map<string, TS.SourceFile> {
  const ts = typescript();
  return (ambient ??= new Map([
    [SANDBOX_GLOBALS_FILE, ts.createSourceFile(SANDBOX_GLOBALS_FILE, SANDBOX_GLOBALS_DTS, ts.ScriptTarget.ES2023, true)],
    [JEST_GLOBALS_FILE, ts.createSourceFile(JEST_GLOBALS_FILE, JEST_GLOBALS_DTS, ts.ScriptTarget.ES2023, true)],
  ]));
}
/** Parsed test files by name and content, bounded like run-job.ts's stripped-test cache. */
const TEST_CACHE_ENTRIES = 64;
const testFiles = new Map<string, { file: TS.SourceFile; ranges: TestRange[] }>();

function libFile(fileName: string): TS.SourceFile | undefined {
  // Only the allowed library files, by name, from TypeScript's own folder: a `/// <reference path>` or
  // `<reference lib>` in learner code reaches nothing else of the host's file system.
  if (path.posix.dirname(fileName) !== VIRTUAL_LIB_DIR || !LIB_NAME.test(path.posix.basename(fileName))) return undefined;
  let file = libFiles.get(fileName);
  if (!file) {
    const ts = typescript();
    const text = fs.readFileSync(path.join(libDir(), path.posix.basename(fileName)), 'utf8');
    file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2023, false);
    libFiles.set(fileName, file);
  }
  return file;
}

function parsedTestFile(fileName: string, code: string): { file: TS.SourceFile; ranges: TestRange[] } {
  const key = `${fileName}\0${code}`;
  let entry = testFiles.get(key);
  if (!entry) {
    const ts = typescript();
    const file = ts.createSourceFile(SOURCE_DIR + fileName, code, ts.ScriptTarget.ES2023, true);
    entry = { file, ranges: testRanges(file) };
    testFiles.set(key, entry);
    for (const oldKey of testFiles.keys()) {
      if (testFiles.size <= TEST_CACHE_ENTRIES) break;
      testFiles.delete(oldKey);
    }
  }
  return entry;
}

const stem = (fileName: string) => fileName.replace(/\.[mc]?[jt]s$/, '');

/** Test files may import the learner's file (`./two-fer`, `./two-fer.js`, `./two-fer.ts`) and '@jest/globals'. */
function resolver(solutionPath: string, testPaths: ReadonlySet<string>) {
  const solutionStem = stem(path.basename(solutionPath));
  const ts = typescript();
  return (literals: readonly TS.StringLiteralLike[], containingFile: string): TS.ResolvedModuleWithFailedLookupLocations[] =>
    literals.map((literal) => {
      const specifier = literal.text;
      if (testPaths.has(containingFile) && specifier.startsWith('./') && stem(specifier.slice(2)) === solutionStem) {
        return { resolvedModule: { resolvedFileName: solutionPath, extension: ts.Extension.Ts, isExternalLibraryImport: false } };
      }
      // '@jest/globals' is an ambient module (ambient.ts); anything else is "Cannot find module", as at run time.
      return { resolvedModule: undefined };
    });
}

class Cancelled extends Error {}

let previousProgram: TS.Program | undefined;

function toDiagnostic(diagnostic: TS.Diagnostic, hiddenFiles: ReadonlySet<string>, ranges: Map<string, TestRange[]>): SourceDiagnostic {
  const message = typescript().flattenDiagnosticMessageText(diagnostic.messageText, '\n').slice(0, MAX_MESSAGE_CHARS);
  const file = diagnostic.file;
  if (!file || diagnostic.start === undefined) {
    return { file: '', line: 1, column: 1, endLine: 1, endColumn: 1, code: diagnostic.code, message };
  }
  const name = file.fileName.startsWith(SOURCE_DIR) ? file.fileName.slice(SOURCE_DIR.length) : path.basename(file.fileName);
  const start = file.getLineAndCharacterOfPosition(diagnostic.start);
  const end = file.getLineAndCharacterOfPosition(diagnostic.start + (diagnostic.length ?? 0));
  const result: SourceDiagnostic = {
    file: name,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    code: diagnostic.code,
    message,
  };
  if (hiddenFiles.has(name)) result.hidden = true;
  const testName = testNameAt(ranges.get(name) ?? [], diagnostic.start);
  if (testName !== undefined) result.testName = testName;
  return result;
}

/** Type checks one grading. Never throws: a compiler failure is `crashed`, a spent budget `time`. */
export function typecheck(input: CheckInput): CheckOutcome {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let loaded: typeof TS | undefined;
  try {
    const ts = (loaded = typescript());
    const options = compilerOptions(input.options);
    const solutionPath = SOURCE_DIR + input.solution.fileName;
    const solutionFile = ts.createSourceFile(solutionPath, input.solution.code, ts.ScriptTarget.ES2023, true);
    const sources = new Map<string, TS.SourceFile>([[solutionPath, solutionFile]]);
    const ranges = new Map<string, TestRange[]>();
    const hiddenFiles = new Set<string>();
    for (const test of input.tests) {
      const parsed = parsedTestFile(test.fileName, test.code);
      sources.set(parsed.file.fileName, parsed.file);
      ranges.set(test.fileName, parsed.ranges);
      if (test.hidden) hiddenFiles.add(test.fileName);
    }
    const testPaths = new Set([...sources.keys()].filter((name) => name !== solutionPath));
    const ambientSources = ambientFiles();
    const getSourceFile = (fileName: string) => sources.get(fileName) ?? ambientSources.get(fileName) ?? libFile(fileName);
    const host: TS.CompilerHost = {
      getSourceFile,
      getDefaultLibFileName: () => `${VIRTUAL_LIB_DIR}/lib.es2023.d.ts`,
      getDefaultLibLocation: () => VIRTUAL_LIB_DIR,
      writeFile: () => {},
      getCurrentDirectory: () => SOURCE_DIR,
      getCanonicalFileName: (fileName) => fileName,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (fileName) => getSourceFile(fileName) !== undefined,
      readFile: () => undefined,
      directoryExists: () => false,
      getDirectories: () => [],
      resolveModuleNameLiterals: resolver(solutionPath, testPaths),
    };
    // The previous program lets TypeScript reuse the structure of the files that did not change (the
    // library, the declarations, the same exercise's tests): creating a program went from ~25 ms to ~1 ms
    // (measured on the busy VM). Only the checker is new per grading, so nothing checked is shared; the
    // learner's file is a new source file every time, under the same name.
    const program = ts.createProgram({
      rootNames: [SANDBOX_GLOBALS_FILE, JEST_GLOBALS_FILE, ...sources.keys()],
      options,
      host,
      ...(previousProgram ? { oldProgram: previousProgram } : {}),
    });
    previousProgram = program;
    const token: TS.CancellationToken = {
      isCancellationRequested: () => Date.now() > input.deadline,
      throwIfCancellationRequested: () => {
        if (Date.now() > input.deadline) throw new Cancelled();
      },
    };
    // A syntax error is left to the run, which reports it as before (an `error` verdict naming the line).
    for (const file of sources.values()) if (program.getSyntacticDiagnostics(file).length > 0) return { kind: 'ok', durationMs: elapsed() };
    const found: TS.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const file of sources.values()) {
      found.push(...program.getSemanticDiagnostics(file, token));
      token.throwIfCancellationRequested();
    }
    const errors = found.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    if (errors.length === 0) return { kind: 'ok', durationMs: elapsed() };
    return {
      kind: 'errors',
      diagnostics: errors.slice(0, MAX_DIAGNOSTICS).map((diagnostic) => toDiagnostic(diagnostic, hiddenFiles, ranges)),
      total: errors.length,
      durationMs: elapsed(),
    };
  } catch (error) {
    previousProgram = undefined;
    if (error instanceof Cancelled || (loaded !== undefined && error instanceof loaded.OperationCanceledException))
      return { kind: 'time', durationMs: elapsed() };
    const what = error instanceof RangeError ? 'is something nested too deeply?' : 'the compiler failed';
    return {
      kind: 'crashed',
      message: `${input.solution.fileName} could not be compiled: the TypeScript type checker gave up on it (${what}).`,
      durationMs: elapsed(),
    };
  }
}

/**
 * Warming up in steps, so the child can do it while idle without holding up a job for long: load the
 * compiler, parse the ES2023 library file by file, then check a small grading (compiles the checker's
 * hot paths). TypecheckWarmUp (warm-up.ts) drives the steps.
 */
export function* warmTypecheckSteps(): Generator<void, void, void> {
  typescript();
  yield;
  const dir = libDir();
  for (const name of fs.readdirSync(dir).sort()) {
    if (!LIB_NAME.test(name) || libFiles.has(`${VIRTUAL_LIB_DIR}/${name}`)) continue;
    libFile(`${VIRTUAL_LIB_DIR}/${name}`);
    yield;
  }
  ambientFiles();
  typecheck({
    solution: { fileName: 'warm-up.ts', code: 'export const add = (a: number, b: number): number => a + b;\n' },
    tests: [
      {
        fileName: 'warm-up.spec.ts',
        hidden: false,
        code: "import { add } from './warm-up';\ntest('add', () => { expect(add(1, 2)).toBe(3); expectTypeOf(add).returns.toEqualTypeOf<number>(); });\n",
      },
    ],
    options: {},
    deadline: Date.now() + 60_000,
  });
}
