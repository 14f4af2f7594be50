// The exercise's own modules inside the isolate: the learner's file and the support files the exercise
// provides, each an ES module or a CommonJS one. CommonJS files run in Node's function wrapper (sloppy
// mode, `module`, `exports`, `require` of the exercise's own files, `__filename`); an ES module that
// imports one (every test does) gets a facade module whose named exports are the keys of its
// `module.exports` once it has run, and whose default export is `module.exports` (or its `default` when
// it sets `__esModule`), which is how babel-jest, Exercism's runner, reads them.
import type ivm from 'isolated-vm';
import { HARNESS_FILE } from './prepared-isolate';

export interface ModuleFile {
  fileName: string;
  /** JavaScript (TypeScript already stripped). */
  code: string;
}

export function stem(fileName: string): string {
  return fileName.replace(/\.[mc]?[jt]s$|\.sql$/, '');
}

/** `./lib`, `./lib.js` (or `lib` from a `require`) -> `lib`; anything else (a package, a folder) -> undefined. */
export function relativeStem(specifier: string): string | undefined {
  const match = /^\.\/([\w.-]+)$/.exec(specifier);
  return match ? stem(match[1]!) : undefined;
}

/**
 * A file is CommonJS when it has no `import`/`export` statement and uses `module.exports`, `exports.x`
 * or `require(...)` (Node's own rule for a .js file without `"type"` is "CommonJS unless it has ES
 * syntax"; a file with neither stays an ES module so nothing changes for existing exercises).
 */
export function isCommonJs(code: string): boolean {
  if (/(?:^|[\n;}])\s*(?:import\s*[\w{*'"]|export\s)/.test(code)) return false;
  return /\b(?:module\.exports|exports\s*(?:\.\s*[\w$]+|\[)\s*=|require\s*\(\s*['"])/.test(code);
}

/** Node's module wrapper, on the file's first line so line numbers stay right. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '\n})';

/** Export names a facade can declare: identifiers, bounded (a hostile `module.exports` may have many keys). */
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;
const MAX_EXPORTS = 1000;

/**
 * Runs inside the isolate (our code, compiled under the harness's file name so its frames never show).
 * Takes the intrinsics it uses before any learner code runs; returns the host's control function.
 */
const LOADER_SOURCE = `(function () {
  'use strict';
  const apply = Reflect.apply, keys = Object.keys, freeze = Object.freeze, defineProperty = Object.defineProperty;
  const stringify = JSON.stringify, Err = Error, MapC = Map, StringC = String;
  const factories = new MapC(), modules = new MapC(), stems = new MapC();
  const hasOwn = Object.hasOwn;
  let sealed = false, builtins;
  const stemOf = (name) => name.replace(/\\.[mc]?[jt]s$/, '');
  function resolve(from, specifier) {
    const text = StringC(specifier);
    const match = /^\\.\\/([\\w.-]+)$/.exec(text);
    const target = match ? stems.get(stemOf(match[1])) : undefined;
    if (target === undefined) {
      const own = [...stems.keys()].filter((s) => stems.get(s) !== from).map((s) => "'./" + s + "'");
      throw new Err("Cannot find module '" + text.slice(0, 100) + "' from " + from + ": only the exercise's own files" + (own.length ? ' (' + own.join(', ') + ')' : '') + ' can be required.');
    }
    if (!factories.has(target)) throw new Err("Cannot require '" + text + "' from " + from + ': ' + target + ' is an ES module; import it instead.');
    return target;
  }
  function load(name) {
    const existing = modules.get(name);
    if (existing) return existing.exports;
    const module = { exports: {}, id: name, filename: name, loaded: false, children: [], paths: [] };
    modules.set(name, module);
    const require = freeze(function require(specifier) {
      const key = StringC(specifier);
      if (builtins !== undefined && hasOwn(builtins, key)) return builtins[key];
      return load(resolve(name, specifier));
    });
    apply(factories.get(name), module.exports, [module.exports, require, module, name, '.']);
    module.loaded = true;
    return module.exports;
  }
  function exportsOf(name) {
    const module = modules.get(StringC(name));
    return module ? module.exports : undefined;
  }
  return function control(command, name, value) {
    if (command === 'file') { if (!sealed) stems.set(stemOf(name), name); return ''; }
    if (command === 'define') { if (!sealed) factories.set(name, value); return ''; }
    if (command === 'builtins') { if (!sealed) builtins = value; return ''; }
    if (command === 'seal') {
      sealed = true;
      defineProperty(globalThis, '__questlineCommonJs', { value: freeze(exportsOf), writable: false, enumerable: false, configurable: false });
      return '';
    }
    if (command === 'load') { load(name); return ''; }
    if (command === 'keys') {
      const value = modules.get(name).exports;
      const names = value !== null && (typeof value === 'object' || typeof value === 'function') ? keys(value) : [];
      return stringify(names);
    }
    throw new Err('unknown loader command');
  };
})()`;

type LoaderControl = ivm.Reference<(command: string, name: string, value?: unknown) => string>;

/** A learner- or support-file load failure, with the file it happened in. */
export class ModuleLoadError extends Error {
  constructor(
    readonly fileName: string,
    readonly cause: unknown,
  ) {
    super('module failed to load');
  }
}

export interface ModuleGraphOptions {
  isolate: ivm.Isolate;
  context: ivm.Context;
  /** The learner's file first, then the support files. */
  files: readonly ModuleFile[];
  /** Compiles an ES module the way run-job compiles the learner's (sourceURL, load errors). */
  compileModule(file: ModuleFile): ivm.Module;
  /** Guards an isolate call with what is left of the time budget (run-job's wall clock). */
  guard: <T>(promise: Promise<T>) => Promise<T>;
  remaining: () => number;
  /** The read-only `fs`/`path` by specifier (node-builtins.ts), for `require`. */
  builtins?: ivm.Reference<unknown>;
}

/** The exercise's modules by stem: ES modules as compiled, CommonJS ones through their facade. */
export class ModuleGraph {
  private readonly byStem = new Map<string, ModuleFile>();
  private readonly compiled = new Map<string, ivm.Module>();
  private readonly commonJs = new Set<string>();
  private loader: LoaderControl | undefined;

  constructor(private readonly options: ModuleGraphOptions) {
    for (const file of options.files) {
      this.byStem.set(stem(file.fileName), file);
      if (isCommonJs(file.code)) this.commonJs.add(file.fileName);
    }
  }

  /** File names of the exercise's modules, for messages ("only './a', './b'"). */
  get fileNames(): string[] {
    return this.options.files.map((f) => f.fileName);
  }

  /**
   * Runs every CommonJS file (the learner's first: its `require`s run the others in its order, as in
   * Node), so their facades know their export names before any ES module links to them.
   */
  async loadCommonJs(): Promise<void> {
    if (this.commonJs.size === 0) return;
    const { isolate, context, guard, remaining } = this.options;
    const loaderScript = isolate.compileScriptSync(LOADER_SOURCE, { filename: HARNESS_FILE });
    const loader = (this.loader = loaderScript.runSync(context, { reference: true, timeout: remaining() }) as LoaderControl);
    for (const file of this.options.files) loader.applySync(undefined, ['file', file.fileName], { timeout: remaining() });
    if (this.options.builtins) loader.applySync(undefined, ['builtins', '', this.options.builtins.derefInto()], { timeout: remaining() });
    for (const file of this.options.files) {
      if (!this.commonJs.has(file.fileName)) continue;
      // The learner's `sourceURL` comment cannot rename its frames: ours comes last (see run-job compile()).
      const source = `${WRAPPER_START}${file.code}${WRAPPER_END}\n//# sourceURL=${file.fileName.replace(/[\r\n\u2028\u2029]/g, '')}\n`;
      let factory: ivm.Reference<unknown>;
      try {
        const script = isolate.compileScriptSync(source, { filename: file.fileName });
        // Only a function expression (unless the file closes the wrapper itself, which just runs its
        // code now, still before any test is registered), so the budget's remainder bounds it.
        factory = (await guard(script.run(context, { reference: true, timeout: remaining() }))) as ivm.Reference<unknown>;
      } catch (error) {
        throw new ModuleLoadError(file.fileName, error);
      }
      loader.applySync(undefined, ['define', file.fileName, factory.derefInto()], { timeout: remaining() });
    }
    loader.applySync(undefined, ['seal', ''], { timeout: remaining() });
    for (const file of this.options.files) {
      if (!this.commonJs.has(file.fileName)) continue;
      try {
        await guard(loader.apply(undefined, ['load', file.fileName], { timeout: remaining() }));
      } catch (error) {
        throw new ModuleLoadError(file.fileName, error);
      }
    }
  }

  /** The module a specifier names among the exercise's files, or undefined. */
  resolve(specifier: string): ivm.Module | undefined {
    const target = relativeStem(specifier);
    const file = target === undefined ? undefined : this.byStem.get(target);
    return file ? this.module(file) : undefined;
  }

  /** The learner's module (or its facade). */
  entry(): ivm.Module {
    return this.module(this.options.files[0]!);
  }

  private module(file: ModuleFile): ivm.Module {
    const existing = this.compiled.get(file.fileName);
    if (existing) return existing;
    const module = this.commonJs.has(file.fileName) ? this.facade(file) : this.options.compileModule(file);
    this.compiled.set(file.fileName, module);
    return module;
  }

  private facade(file: ModuleFile): ivm.Module {
    const loader = this.loader!;
    let names: string[] = [];
    try {
      const json = loader.applySync(undefined, ['keys', file.fileName], { timeout: this.options.remaining() });
      const parsed: unknown = JSON.parse(json);
      if (Array.isArray(parsed)) names = parsed.filter((n): n is string => typeof n === 'string' && EXPORT_NAME.test(n) && n !== 'default');
    } catch (error) {
      throw new ModuleLoadError(file.fileName, error);
    }
    names = [...new Set(names)].slice(0, MAX_EXPORTS);
    const name = JSON.stringify(file.fileName);
    const lines = [
      `const m = globalThis.__questlineCommonJs(${name});`,
      `export default m !== null && (typeof m === 'object' || typeof m === 'function') && m.__esModule ? m.default : m;`,
      ...names.map((key, i) => `const v${i} = m[${JSON.stringify(key)}];\nexport { v${i} as ${key} };`),
    ];
    return this.options.isolate.compileModuleSync(`${lines.join('\n')}\n//# sourceURL=${HARNESS_FILE}\n`, { filename: HARNESS_FILE });
  }
}
