// Grades one request in a fresh isolate: harness first (from host-made cachedData), then the learner's
// module on its own (so its top level never runs while test registration is open), then the test files,
// then the run, driven step by step. Every call into the isolate carries what is left of the time
// budget as its timeout and is raced against a host wall clock, because some things (marshalling a
// hostile thrown value, non-interruptible built-ins) escape the isolate's timeout.
import type ivm from 'isolated-vm';
import type { GradeResult, TestProgress, TestResult } from '../types';
import type { ChildJob } from '../protocol';
import { parseHarnessOutput, parseProgressEvent } from '../validate';
import {
  completedResult,
  errorResult,
  fillUnfinished,
  limitResult,
  runningTestName,
  sandboxErrorResult,
  NOT_RUN,
  type Registered,
} from '../verdict';
import { classifyFailure, describeLoadError, WallClockExceeded } from './isolate-errors';
import { HARNESS_FILE, PreparedIsolate, type Control, type HarnessCode } from './prepared-isolate';
import { ModuleGraph, ModuleLoadError, stem } from './modules';
import { isTypeScriptFile, stripTypes, type TransformOutcome } from './transform';
import { SqlJob, SQL_MODULE, loadSqlModule, sqlFileModule } from './sql-job';
import { BUILTINS_FILE, HOLDER_SPECIFIER, builtinModuleSource, installNodeBuiltins, isDataFile } from './node-builtins';

export type { HarnessCode };

export interface JobEvents {
  registered(registered: Registered): void;
  progress(progress: TestProgress): void;
  catastrophic(message: string): void;
}

export interface JobOutcome {
  result: GradeResult;
  /** The child should be replaced: its isolate misbehaved or it may hold on to memory. */
  recycle: boolean;
}

/** How long past the isolate's own timeout we wait before we stop trusting the isolate. */
const WALL_GRACE_MS = 300;
const SNAPSHOT_TIMEOUT_MS = 100;

/** The Jest API, as module bindings for test files only (see harness/index.ts). */
const JEST_NAMES = [
  'describe',
  'fdescribe',
  'xdescribe',
  'test',
  'it',
  'xtest',
  'xit',
  'fit',
  'beforeAll',
  'afterAll',
  'beforeEach',
  'afterEach',
  'expect',
  'jest',
];
const JEST_GLOBALS_MODULE = `const api = globalThis.__questlineTestApi;
delete globalThis.__questlineTestApi;
export const ${JEST_NAMES.map((name) => `${name} = api.${name}`).join(', ')};
const typeOnly = new Proxy(function () {}, { get: (_, key) => (key === 'then' ? undefined : typeOnly), apply: () => typeOnly });
export const expectTypeOf = () => typeOnly;`;
/** Type-level assertions are checked by the type checker (typecheck/ambient.ts); at run time they do nothing. */
const TEST_FILE_IMPORTS = [...JEST_NAMES, 'expectTypeOf'];

/** QUESTLINE_SANDBOX_TIMING=1 prints where each grading's time goes to the child's stderr. */
const TIMING = process.env.QUESTLINE_SANDBOX_TIMING === '1';

/**
 * Test files are the same for every submission to an exercise: their stripped TypeScript (~0.15 ms per
 * small file) is kept by content. Bounded in entries and characters; only successful conversions are kept.
 */
const TEST_FILE_CACHE_ENTRIES = 64;
const TEST_FILE_CACHE_CHARS = 8 * 1024 * 1024;
const testFileCache = new Map<string, string>();
let testFileCacheChars = 0;

function convertTestFile(fileName: string, code: string, convert: (fileName: string, code: string) => TransformOutcome): TransformOutcome {
  const key = `${fileName}\0${code}`;
  const cached = testFileCache.get(key);
  if (cached !== undefined) return { ok: true, code: cached };
  const converted = convert(fileName, code);
  if (!converted.ok || converted.code === code) return converted;
  testFileCache.set(key, converted.code);
  testFileCacheChars += key.length + converted.code.length;
  for (const [oldKey, oldCode] of testFileCache) {
    if (testFileCache.size <= TEST_FILE_CACHE_ENTRIES && testFileCacheChars <= TEST_FILE_CACHE_CHARS) break;
    testFileCache.delete(oldKey);
    testFileCacheChars -= oldKey.length + oldCode.length;
  }
  return converted;
}

/** A load failure the learner should read as is (syntax error, bad import, a throw at load time). */
class LoadError extends Error {}

export class JobRun {
  private prepared: PreparedIsolate | undefined;
  private readonly deadline: number;
  private readonly visibleFiles: string[];
  private registered: Registered = { names: [], hidden: [] };
  private readonly finished = new Map<number, TestResult>();
  private badProgress = false;
  /** The job's database session (exercises with a schema.sql), open from setup until the run ends. */
  private sql: SqlJob | undefined;
  /** Set when `produceCache` is on: harness cachedData made after this run (see execute()). */
  producedCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

  /**
   * `prepared`: an isolate made ready before the job arrived, used when its memory limit matches;
   * otherwise (or when absent) one is prepared now, on this job's time budget.
   */
  constructor(
    private readonly job: ChildJob,
    private readonly harness: HarnessCode,
    private readonly events: JobEvents,
    prepared?: PreparedIsolate,
    private readonly produceCache = false,
  ) {
    this.deadline = Date.now() + job.limits.timeMs;
    this.visibleFiles = [
      job.solution.fileName,
      ...(job.supportFiles ?? []).map((f) => f.fileName),
      ...job.tests.filter((t) => !t.hidden).map((t) => t.fileName),
    ];
    if (prepared && prepared.memoryMb === job.limits.memoryMb) this.prepared = prepared;
    else prepared?.dispose();
  }

  private get isolateDisposed(): boolean {
    return this.prepared?.isolate.isDisposed ?? false;
  }

  private lastMark = performance.now();
  private readonly marks: string[] = [];
  private mark(label: string): void {
    if (!TIMING) return;
    const now = performance.now();
    this.marks.push(`${label} ${(now - this.lastMark).toFixed(2)}`);
    this.lastMark = now;
  }

  private remaining(): number {
    return Math.max(1, this.deadline - Date.now());
  }

  /** Races an isolate call against the host wall clock. */
  private guard<T>(promise: Promise<T>, budgetMs = this.remaining()): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const wall = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WallClockExceeded('wall clock exceeded')), budgetMs + WALL_GRACE_MS);
    });
    return Promise.race([promise, wall]).finally(() => clearTimeout(timer));
  }

  private onReport(json: unknown): void {
    try {
      const event = parseProgressEvent(json);
      if (event.kind === 'registered') {
        this.registered = { names: event.names, hidden: event.hidden, ...(event.ids ? { ids: event.ids } : {}) };
        this.events.registered(this.registered);
      } else {
        for (const { index, total, test } of event.tests) {
          if (this.finished.has(index)) continue;
          this.finished.set(index, test);
          this.events.progress({ index, total, test });
        }
      }
    } catch {
      this.badProgress = true;
    }
  }

  async execute(): Promise<JobOutcome> {
    const sources = this.prepareSources();
    if ('message' in sources) {
      // The isolate prepared for this job is never used: dispose of it (it was leaked here before, about
      // 2.7 MB of RSS per syntax error, until the RSS ceiling killed the child under someone else's job).
      this.dispose();
      // A crashed TypeScript stripper stays broken for the rest of the process (transform.ts).
      return { result: errorResult(sources.message), recycle: sources.crashed === true };
    }
    let phase: 'setup' | 'load' | 'run' = 'setup';
    let control: Control | undefined;
    /** The run ended normally: nothing of it is still running, so disposal can wait until the result is out. */
    let completed = false;
    try {
      const prepared = (this.prepared ??= await this.guard(
        PreparedIsolate.create(this.harness, this.job.limits.memoryMb, (message) => this.events.catastrophic(message)),
      ));
      prepared.onReport = (json) => this.onReport(json);
      prepared.onCatastrophic = (message) => this.events.catastrophic(message);
      const { context } = prepared;
      control = prepared.control;
      this.mark('harness');
      const ctl = control;
      const call = (command: string, argument = '') =>
        this.guard(ctl.apply(undefined, [command, argument], { timeout: this.remaining() }) as Promise<string>);
      // Harness bookkeeping that runs no learner code: a synchronous call saves a thread hop each time.
      const callHarnessOnly = (command: 'configure' | 'openFile' | 'closeFile', argument = '') =>
        ctl.applySync(undefined, [command, argument], { timeout: this.remaining() }) as string;
      callHarnessOnly(
        'configure',
        JSON.stringify({ visibleFiles: this.visibleFiles, maxOutputChars: this.job.maxOutputBytes, bail: this.job.bail === true }),
      );
      phase = 'load';
      if (this.job.database) {
        try {
          this.sql = await this.guard(SqlJob.start(this.job.database, this.deadline));
        } catch (error) {
          if (error instanceof WallClockExceeded) throw error;
          throw new LoadError(error instanceof Error ? error.message : String(error));
        }
        this.mark('sql');
      }
      await this.loadModules(context, sources, callHarnessOnly);
      this.mark('modules');
      phase = 'run';
      await call('start');
      this.mark('start');
      for (;;) {
        const json = await call('step');
        if (json !== '') {
          this.mark('run');
          completed = true;
          return { result: this.finalResult(json), recycle: this.badProgress };
        }
      }
    } catch (error) {
      return this.failureOutcome(error, phase, control);
    } finally {
      await this.sql?.finish();
      const isolate = this.prepared?.isolate;
      if (this.produceCache && isolate && !isolate.isDisposed) {
        // Compiled again after a run, V8's code cache also holds the functions the run compiled
        // lazily, which cuts harness start-up in later isolates from ~10 ms to ~1.2 ms (measured).
        const again: ivm.Script & ivm.CachedDataResult = await isolate.compileScript(this.harness.code, {
          filename: HARNESS_FILE,
          produceCachedData: true,
        });
        this.producedCache = again.cachedData;
      }
      if (completed && !this.produceCache) {
        // ~0.2 ms off the critical path: the caller sends the result first (main.ts).
        setImmediate(() => this.dispose());
      } else {
        this.dispose();
      }
      this.mark('dispose');
      if (TIMING) console.error(`[sandbox timing] ${this.marks.join(' | ')}`);
    }
  }

  private prepareSources(): { solution: string; support: string[]; tests: string[] } | { message: string; crashed?: boolean } {
    const { solution, tests, language } = this.job;
    if (Buffer.byteLength(solution.code) > this.job.maxSourceBytes) {
      return { message: `Your file is too large (over ${this.job.maxSourceBytes / 1024} KB).` };
    }
    const convert = (fileName: string, code: string) =>
      fileName.endsWith('.sql')
        ? sqlFileModule(code)
        : language === 'typescript' || isTypeScriptFile(fileName)
          ? stripTypes(fileName, code)
          : ({ ok: true, code } as const);
    const solutionCode = convert(solution.fileName, solution.code);
    if (!solutionCode.ok) return { message: solutionCode.message, crashed: solutionCode.crashed };
    const support: string[] = [];
    for (const file of this.job.supportFiles ?? []) {
      if (isDataFile(file.fileName)) continue;
      // Support files are the exercise's, like test files: the same cache serves them.
      const converted = convertTestFile(file.fileName, file.code, convert);
      if (!converted.ok) return { message: converted.message, crashed: converted.crashed };
      support.push(converted.code);
    }
    const testCodes: string[] = [];
    for (const file of tests) {
      const converted = convertTestFile(file.fileName, file.code, convert);
      if (!converted.ok)
        return { message: file.hidden ? 'A hidden test file could not be compiled.' : converted.message, crashed: converted.crashed };
      testCodes.push(converted.code);
    }
    return { solution: solutionCode.code, support, tests: testCodes };
  }

  /**
   * Synchronous: compiling runs no learner code, and a thread hop costs more than a small compile.
   * `isTest`: the file gets the Jest API as imports from '@jest/globals' (the globals are not defined),
   * except names it declares or imports itself at top level (found by compiling: V8 reports the clash).
   */
  private compile(fileName: string, code: string, hidden: boolean, isTest: boolean): ivm.Module {
    // V8 names a script's frames after its last `sourceURL` comment: ours comes last, so learner code
    // cannot make its frames look like a test file's (the harness checks callers by file, caller.ts).
    // Appended, like the import, so line and column numbers are unchanged.
    const sourceUrl = `\n//# sourceURL=${fileName.replace(/[\r\n\u2028\u2029]/g, '')}\n`;
    const names = isTest ? [...TEST_FILE_IMPORTS] : [];
    for (;;) {
      const imports = names.length > 0 ? `\n;import { ${names.join(', ')} } from '@jest/globals';` : '';
      try {
        return this.isolate().compileModuleSync(code + imports + sourceUrl, { filename: fileName });
      } catch (error) {
        const clash = /Identifier '([\w$]+)' has already been declared/.exec(error instanceof Error ? error.message : '')?.[1];
        if (clash !== undefined && names.includes(clash)) {
          names.splice(names.indexOf(clash), 1);
          continue;
        }
        throw new LoadError(hidden ? 'A hidden test file has a syntax error.' : describeLoadError(error, this.visibleFiles));
      }
    }
  }

  private async loadModules(
    context: ivm.Context,
    sources: { solution: string; support: string[]; tests: string[] },
    harnessCall: (command: 'openFile' | 'closeFile', argument?: string) => string,
  ): Promise<void> {
    const { solution, tests } = this.job;
    const support = (this.job.supportFiles ?? []).filter((f) => !isDataFile(f.fileName));
    const dataFiles = (this.job.supportFiles ?? []).filter((f) => isDataFile(f.fileName));
    // Before any learner code: the read-only `fs` and `path` over the exercise's data files (node-builtins.ts).
    const nodeBuiltins = installNodeBuiltins(this.isolate(), context, dataFiles, this.remaining());
    const builtins = new Map<string, ivm.Module>();
    const facades = new Set<ivm.Module>();
    const builtin = (specifier: string): ivm.Module | undefined => {
      const existing = builtins.get(specifier);
      if (existing) return existing;
      const source = builtinModuleSource(specifier);
      if (source === undefined) return undefined;
      const module = this.isolate().compileModuleSync(source, { filename: BUILTINS_FILE });
      builtins.set(specifier, module);
      facades.add(module);
      return module;
    };
    const graph = new ModuleGraph({
      isolate: this.isolate(),
      context,
      files: [
        { fileName: solution.fileName, code: sources.solution },
        ...support.map((f, i) => ({ fileName: f.fileName, code: sources.support[i]! })),
      ],
      compileModule: (file) => this.compile(file.fileName, file.code, false, false),
      guard: (promise) => this.guard(promise),
      remaining: () => this.remaining(),
      builtins: nodeBuiltins.reference,
    });
    const globalsModule = this.isolate().compileModuleSync(JEST_GLOBALS_MODULE, { filename: '@jest/globals' });
    // Before the learner's module too: it holds the only way to the database.
    const sqlModule = this.sql ? loadSqlModule(this.isolate(), context, this.sql) : undefined;
    const testModules = new Set<ivm.Module>();
    const own = graph.fileNames.map((name) => `'./${stem(name)}'`).join(', ');
    // Instantiating runs no isolate code, so it is done synchronously (one thread hop less per module).
    // A resolver that throws after resolving an earlier import crashed the host in isolated-vm 6.x
    // (#559, async instantiate only); 7.0.1 is required (package.json), and hostile.spec/escapes.spec
    // cover learner import lists.
    const resolve = (specifier: string, referrer: ivm.Module): ivm.Module => {
      if (facades.has(referrer) && specifier === HOLDER_SPECIFIER) return nodeBuiltins.holder;
      if (testModules.has(referrer)) {
        if (specifier === '@jest/globals') return globalsModule;
        if (specifier === SQL_MODULE && sqlModule) return sqlModule;
        const target = graph.resolve(specifier) ?? builtin(specifier);
        if (target) return target;
        throw new Error(`Cannot import '${specifier}' from a test file: only ${own}, 'fs', 'path' and '@jest/globals' are available.`);
      }
      const target = (support.length > 0 ? graph.resolve(specifier) : undefined) ?? builtin(specifier);
      if (target) return target;
      throw new Error(
        support.length > 0
          ? `Cannot import '${specifier}': only the exercise's own files (${own}), 'fs' and 'path' can be imported.`
          : `Cannot import '${specifier}': your file may not import other modules (only 'fs' and 'path', read-only).`,
      );
    };
    // Before any learner code: it takes the Jest API off the global object (see JEST_GLOBALS_MODULE).
    globalsModule.instantiateSync(context, resolve);
    globalsModule.evaluateSync({ timeout: this.remaining() });
    this.mark('globals');
    const failedToLoad = (fileName: string, error: unknown): never => {
      if (classifyFailure(error, this.isolateDisposed) !== 'other') throw error;
      const detail = describeLoadError(error, this.visibleFiles);
      throw new LoadError(
        fileName === solution.fileName ? `Your file failed to load: ${detail}` : `The file ${fileName} failed to load: ${detail}`,
      );
    };
    try {
      await graph.loadCommonJs();
      const solutionModule = graph.entry();
      this.mark('compile');
      solutionModule.instantiateSync(context, resolve);
      await this.guard(solutionModule.evaluate({ timeout: this.remaining() }));
    } catch (error) {
      if (error instanceof LoadError) throw error;
      if (error instanceof ModuleLoadError) failedToLoad(error.fileName, error.cause);
      failedToLoad(solution.fileName, error);
    }
    this.mark('solution');
    for (let i = 0; i < tests.length; i++) {
      const file = tests[i]!;
      const module = this.compile(file.fileName, sources.tests[i]!, file.hidden, true);
      this.mark('tcompile');
      testModules.add(module);
      try {
        module.instantiateSync(context, resolve);
        this.mark('tinst');
        harnessCall('openFile', JSON.stringify({ fileName: file.fileName, hidden: file.hidden }));
        this.mark('open');
        await this.guard(module.evaluate({ timeout: this.remaining() }));
        this.mark('teval');
        harnessCall('closeFile');
      } catch (error) {
        if (classifyFailure(error, this.isolateDisposed) !== 'other') throw error;
        const detail = file.hidden ? 'it threw while loading.' : describeLoadError(error, this.visibleFiles);
        throw new LoadError(`The test file ${file.hidden ? '(hidden)' : file.fileName} failed to load: ${detail}`);
      }
    }
  }

  /** Finished tests the harness had not reported yet (it batches fast ones): reported now, in order. */
  private reportUnreported(tests: TestResult[]): void {
    tests.forEach((test, index) => {
      if (this.finished.has(index) || (test.status === 'error' && test.message === NOT_RUN)) return;
      this.finished.set(index, test);
      this.events.progress({ index, total: tests.length, test });
    });
  }

  private finalResult(json: string): GradeResult {
    const output = parseHarnessOutput(json);
    this.reportUnreported(output.tests);
    if (output.limit) {
      return limitResult(
        'time',
        output.tests,
        output.limit.testName,
        'it waited for something that can never happen (a promise that never settles, or a done callback never called).',
      );
    }
    return completedResult(output.tests);
  }

  private async failureOutcome(error: unknown, phase: string, control: Control | undefined): Promise<JobOutcome> {
    if (error instanceof LoadError) return { result: errorResult(error.message), recycle: false };
    const failure = classifyFailure(error, this.isolateDisposed);
    const budget = `${this.job.limits.timeMs} ms`;
    if (failure === 'time' && control && phase === 'run') {
      // The isolate stopped cleanly at its timeout: ask the harness which test was running.
      try {
        const json = await this.guard(
          control.apply(undefined, ['snapshot', ''], { timeout: SNAPSHOT_TIMEOUT_MS }) as Promise<string>,
          SNAPSHOT_TIMEOUT_MS,
        );
        const snapshot = parseHarnessOutput(json);
        this.reportUnreported(snapshot.tests);
        return {
          result: limitResult('time', snapshot.tests, snapshot.limit?.testName, `the run took longer than ${budget}.`),
          recycle: false,
        };
      } catch {
        // fall back to what the progress events told us
      }
    }
    const tests = fillUnfinished(this.registered, this.finished);
    const running = phase === 'run' ? runningTestName(tests) : undefined;
    switch (failure) {
      case 'time':
        return { result: limitResult('time', tests, running, `the run took longer than ${budget}.`), recycle: false };
      case 'wall':
        return { result: limitResult('time', tests, running, `the run took longer than ${budget} and had to be stopped.`), recycle: true };
      case 'memory':
        return { result: limitResult('memory', tests, running, `the run used more than ${this.job.limits.memoryMb} MB.`), recycle: true };
      default:
        console.error('[sandbox child] unexpected failure during', phase, error);
        return {
          result: sandboxErrorResult(`The grader failed while ${phase === 'run' ? 'running the tests' : 'loading'}.`, tests),
          recycle: true,
        };
    }
  }

  private isolate(): ivm.Isolate {
    if (!this.prepared) throw new Error('no isolate yet');
    return this.prepared.isolate;
  }

  dispose(): void {
    this.prepared?.dispose();
  }
}
