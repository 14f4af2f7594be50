// A read-only in-memory `fs` (with `fs/promises`) and a minimal `path` inside the isolate, over the
// exercise's data files only (support files that are not modules: `words.csv`, `data/input.txt`). The
// files are copied into the isolate as JSON text; nothing of the host's file system is reachable, and
// every write throws EROFS. Paths are relative to the exercise folder, which is also `/exercise`.
import type ivm from 'isolated-vm';

/** The file name the built-ins are compiled under: no learner, support or test file may carry a ':'. */
export const BUILTINS_FILE = 'node:fs';
export const BUILTIN_SPECIFIERS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path'] as const;

export interface DataFile {
  fileName: string;
  code: string;
}

/** Module files are code; every other support file is data, read through `fs`. */
export function isDataFile(fileName: string): boolean {
  return !/\.[mc]?[jt]s$/.test(fileName);
}

const BUILTINS_SOURCE = (files: string) => `(function () {
  'use strict';
  const freeze = Object.freeze, MapC = Map, SetC = Set, Err = Error, StringC = String, U8 = Uint8Array;
  const defineProperty = Object.defineProperty, isArray = Array.isArray, PromiseC = Promise;
  const ROOT = '/exercise';
  const files = new MapC(), dirs = new MapC();
  dirs.set('', new SetC());
  for (const [name, text] of ${files}) {
    files.set(name, text);
    const parts = name.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(dir)) dirs.set(dir, new SetC());
      dirs.get(dir).add(parts[i]);
    }
  }
  function fsError(code, text, syscall, path) {
    const error = new Err(code + ': ' + text + ', ' + syscall + " '" + StringC(path).slice(0, 200) + "'");
    error.code = code; error.syscall = syscall; error.path = StringC(path).slice(0, 200);
    error.errno = code === 'ENOENT' ? -2 : code === 'EROFS' ? -30 : code === 'EISDIR' ? -21 : -20;
    return error;
  }
  function normalize(p) {
    const absolute = p.startsWith('/');
    const out = [];
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') { if (out.length > 0 && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); continue; }
      out.push(part);
    }
    const joined = out.join('/');
    return absolute ? '/' + joined : joined === '' ? '.' : joined;
  }
  /** A path argument -> the data file key ('' is the exercise folder), or undefined when outside it. */
  function locate(p, syscall) {
    if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol === 'file:') p = p.pathname;
    if (typeof p !== 'string') {
      const error = new TypeError('The "path" argument must be of type string. Received ' + typeof p);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    if (p.length > 4096 || p.indexOf('\\0') !== -1) return undefined;
    let n = normalize(p);
    if (n === ROOT) return '';
    if (n.startsWith(ROOT + '/')) n = n.slice(ROOT.length + 1);
    else if (n.startsWith('/') || n === '..' || n.startsWith('../')) return undefined;
    return n === '.' ? '' : n;
  }
  function encodingOf(options) {
    const encoding = typeof options === 'string' ? options : options !== null && typeof options === 'object' ? options.encoding : undefined;
    if (encoding === undefined || encoding === null || encoding === 'buffer') return undefined;
    const e = StringC(encoding).toLowerCase();
    if (e === 'utf8' || e === 'utf-8') return 'utf8';
    const error = new TypeError("Unsupported encoding '" + StringC(encoding).slice(0, 40) + "': the exercise's files are read as 'utf8' or as bytes.");
    error.code = 'ERR_INVALID_ARG_VALUE';
    throw error;
  }
  function utf8(text) {
    const bytes = [];
    for (let i = 0; i < text.length; i++) {
      let c = text.codePointAt(i);
      if (c > 0xffff) i++;
      if (c < 0x80) bytes.push(c);
      else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return bytes;
  }
  function bufferOf(text) {
    const buffer = new U8(utf8(text));
    defineProperty(buffer, 'toString', { value: function toString(encoding) { encodingOf(encoding === undefined ? 'utf8' : encoding); return text; } });
    return buffer;
  }
  function readFileSync(p, options) {
    const key = locate(p, 'open');
    const encoding = encodingOf(options);
    if (key !== undefined && dirs.has(key)) throw fsError('EISDIR', 'illegal operation on a directory', 'read', p);
    if (key === undefined || !files.has(key)) throw fsError('ENOENT', 'no such file or directory', 'open', p);
    const text = files.get(key);
    return encoding === 'utf8' ? text : bufferOf(text);
  }
  function existsSync(p) {
    try { const key = locate(p, 'access'); return key !== undefined && (files.has(key) || dirs.has(key)); } catch { return false; }
  }
  function makeStats(key) {
    const isDir = dirs.has(key), size = isDir ? 4096 : utf8(files.get(key)).length, time = new Date(0);
    return freeze({ size, mode: isDir ? 0o40555 : 0o100444, mtime: time, ctime: time, atime: time, birthtime: time, mtimeMs: 0,
      isFile: () => !isDir, isDirectory: () => isDir, isSymbolicLink: () => false });
  }
  function statSync(p, options) {
    const key = locate(p, 'stat');
    if (key === undefined || (!files.has(key) && !dirs.has(key))) {
      if (options && options.throwIfNoEntry === false) return undefined;
      throw fsError('ENOENT', 'no such file or directory', 'stat', p);
    }
    return makeStats(key);
  }
  function readdirSync(p, options) {
    const key = locate(p, 'scandir');
    if (key !== undefined && files.has(key)) throw fsError('ENOTDIR', 'not a directory', 'scandir', p);
    if (key === undefined || !dirs.has(key)) throw fsError('ENOENT', 'no such file or directory', 'scandir', p);
    const names = [...dirs.get(key)].sort();
    if (options && options.withFileTypes) {
      return names.map((name) => { const child = key === '' ? name : key + '/' + name, isDir = dirs.has(child);
        return freeze({ name, isFile: () => !isDir, isDirectory: () => isDir, isSymbolicLink: () => false }); });
    }
    return names;
  }
  function accessSync(p) { statSync(p); }
  function readOnly(syscall) {
    return function () { throw fsError('EROFS', 'read-only file system', syscall, arguments[0]); };
  }
  const WRITES = ['writeFile', 'appendFile', 'mkdir', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'symlink', 'link', 'truncate', 'chmod', 'chown', 'utimes', 'mkdtemp', 'cp', 'open'];
  const asPromise = (fn) => function () { const args = arguments; return new PromiseC((resolve) => resolve(fn.apply(undefined, args))); };
  const withCallback = (fn) => function () {
    const args = [...arguments];
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    if (callback === undefined) throw new TypeError('The "cb" argument must be of type function.');
    PromiseC.resolve().then(() => { let result, error = null; try { result = fn.apply(undefined, args); } catch (e) { error = e; } callback(error, result); });
  };
  const sync = { readFileSync, existsSync, statSync, lstatSync: statSync, readdirSync, accessSync };
  const promises = { readFile: asPromise(readFileSync), stat: asPromise(statSync), lstat: asPromise(statSync), readdir: asPromise(readdirSync), access: asPromise(accessSync) };
  const fs = { ...sync, readFile: withCallback(readFileSync), stat: withCallback(statSync), lstat: withCallback(statSync), readdir: withCallback(readdirSync), access: withCallback(accessSync),
    exists: (p, cb) => { PromiseC.resolve().then(() => cb(existsSync(p))); }, createWriteStream: readOnly('open'), constants: freeze({ F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 }) };
  for (const name of WRITES) {
    fs[name + 'Sync'] = readOnly(name);
    fs[name] = readOnly(name);
    promises[name] = function () { return PromiseC.reject(fsError('EROFS', 'read-only file system', name, arguments[0])); };
  }
  freeze(promises);
  fs.promises = promises;
  freeze(fs);
  function join() {
    const parts = [...arguments].map((part) => { if (typeof part !== 'string') throw new TypeError('The "path" argument must be of type string.'); return part; });
    const joined = parts.filter((part) => part !== '').join('/');
    return joined === '' ? '.' : normalize(joined);
  }
  function resolve() {
    let result = '';
    for (const part of [...arguments].reverse()) {
      if (typeof part !== 'string') throw new TypeError('The "path" argument must be of type string.');
      if (part === '') continue;
      result = result === '' ? part : part + '/' + result;
      if (part.startsWith('/')) break;
    }
    if (!result.startsWith('/')) result = ROOT + (result === '' ? '' : '/' + result);
    const n = normalize(result);
    return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
  }
  function basename(p, ext) {
    const base = StringC(p).replace(/\\/+$/, '').split('/').pop() || '';
    return typeof ext === 'string' && ext !== base && base.endsWith(ext) ? base.slice(0, base.length - ext.length) : base;
  }
  function dirname(p) {
    const text = StringC(p).replace(/\\/+$/, '');
    const at = text.lastIndexOf('/');
    return at === -1 ? '.' : at === 0 ? '/' : text.slice(0, at);
  }
  function extname(p) {
    const base = basename(p);
    const at = base.lastIndexOf('.');
    return at <= 0 ? '' : base.slice(at);
  }
  const path = freeze({ join, resolve, basename, dirname, extname, normalize, sep: '/', delimiter: ':', isAbsolute: (p) => StringC(p).startsWith('/'),
    relative: (from, to) => { const a = resolve(from).split('/').filter(Boolean), b = resolve(to).split('/').filter(Boolean);
      let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++; return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/'); } });
  const byName = freeze({ fs, 'node:fs': fs, 'fs/promises': promises, 'node:fs/promises': promises, path, 'node:path': path });
  // Taken (and deleted) by the holder module before any learner code runs; CommonJS gets it from the host.
  defineProperty(globalThis, '__questlineNodeBuiltins', { value: byName, writable: false, enumerable: false, configurable: true });
  return byName;
})()`;

/** The module that holds the built-ins for the facades; only they may import it (run-job's resolver). */
export const HOLDER_SPECIFIER = 'questline:node-builtins';
const HOLDER_SOURCE = `export const builtins = globalThis.__questlineNodeBuiltins;\ndelete globalThis.__questlineNodeBuiltins;\n//# sourceURL=${BUILTINS_FILE}\n`;

export interface NodeBuiltins {
  /** The holder module (already evaluated): the facades import it. */
  holder: ivm.Module;
  /** The built-ins by specifier, for CommonJS `require` (modules.ts). */
  reference: ivm.Reference<unknown>;
}

/**
 * Builds the built-ins and hands them to the holder module, which takes them off the global object:
 * nothing of them is a global once learner code runs.
 */
export function installNodeBuiltins(
  isolate: ivm.Isolate,
  context: ivm.Context,
  dataFiles: readonly DataFile[],
  timeout: number,
): NodeBuiltins {
  const entries = JSON.stringify(dataFiles.map((f) => [f.fileName, f.code]));
  const script = isolate.compileScriptSync(BUILTINS_SOURCE(entries), { filename: BUILTINS_FILE });
  const reference = script.runSync(context, { reference: true, timeout }) as ivm.Reference<unknown>;
  const holder = isolate.compileModuleSync(HOLDER_SOURCE, { filename: BUILTINS_FILE });
  holder.instantiateSync(context, () => {
    throw new Error('the holder imports nothing');
  });
  holder.evaluateSync({ timeout });
  return { holder, reference };
}

const FS_NAMES = [
  'readFileSync',
  'existsSync',
  'statSync',
  'lstatSync',
  'readdirSync',
  'accessSync',
  'readFile',
  'stat',
  'readdir',
  'promises',
  'writeFileSync',
  'appendFileSync',
  'mkdirSync',
  'writeFile',
];
const PROMISES_NAMES = ['readFile', 'stat', 'readdir', 'access', 'writeFile'];
const PATH_NAMES = ['join', 'resolve', 'basename', 'dirname', 'extname', 'normalize', 'sep', 'isAbsolute', 'relative'];

/** The ES module for a built-in specifier, or undefined when the specifier names none. */
export function builtinModuleSource(specifier: string): string | undefined {
  if (!(BUILTIN_SPECIFIERS as readonly string[]).includes(specifier)) return undefined;
  const names = specifier.endsWith('promises') ? PROMISES_NAMES : specifier.endsWith('path') ? PATH_NAMES : FS_NAMES;
  return [
    `import { builtins } from '${HOLDER_SPECIFIER}';`,
    `const m = builtins[${JSON.stringify(specifier)}];`,
    'export default m;',
    `export const ${names.map((n) => `${n} = m.${n}`).join(', ')};`,
    `//# sourceURL=${BUILTINS_FILE}`,
  ].join('\n');
}
