#!/usr/bin/env node
// Builds the sandbox artefacts into dist/sandbox/ (or $QUESTLINE_SANDBOX_DIR):
//   harness.js  the in-isolate harness: Jest's expect + jest-mock + our describe/test runner, as one
//               script. Node built-ins and the packages that only serve terminals and files (chalk,
//               jest-util, jest-message-util, react-is, ...) are swapped for small shims.
//   child.js    the sandbox child process (CommonJS, isolated-vm, typescript and pg left external).
//   typecheck.js the type-checker process for TypeScript gradings (typescript left external).
//   sql-module.js  the `@questline/sql` module SQL exercises' tests import inside the isolate (ESM).
//   grader.js   the public API (createGrader, ...) as CommonJS, for plain-Node scripts (the benchmark).
//   pack-reader.js  the worker thread that reads an uploaded pack archive (libs/exercise-format/src/archive).
// Skips all work when every recorded input is older than the outputs. `--force` rebuilds.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.QUESTLINE_SANDBOX_DIR ?? path.join(root, 'dist/sandbox');
const manifestPath = path.join(outDir, 'build-manifest.json');
const srcDir = path.join(root, 'libs/sandbox/src');
const shimDir = path.join(srcDir, 'harness/shims');
const formatDir = path.join(root, 'libs/exercise-format/src');
const force = process.argv.includes('--force');

function upToDate() {
  if (force || !fs.existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    for (const output of manifest.outputs) if (!fs.existsSync(path.join(outDir, output))) return false;
    for (const input of [...manifest.inputs, fileURLToPath(import.meta.url)]) {
      const stat = fs.statSync(path.resolve(root, input), { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > manifest.builtAt) return false;
    }
    // A new file in the source tree (not yet an input) also triggers a build.
    for (const dir of [srcDir, formatDir]) {
      for (const entry of fs.readdirSync(dir, { recursive: true })) {
        if (fs.statSync(path.join(dir, entry)).mtimeMs > manifest.builtAt) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/** The body of Jest's `expect(actual)` after its argument check, with matchers made on first access. */
const LAZY_EXPECTATION = `  const allMatchers = (0, _jestMatchersObject.getMatchers)();
  let outerErr;
  const getOuterErr = () => (outerErr ??= new JestAssertionError());
  const level = (make, children) => new Proxy(Object.create(null), {
    get(made, name) {
      if (typeof name !== 'string') return undefined;
      if (name in made) return made[name];
      if (children && Object.prototype.hasOwnProperty.call(children, name)) return (made[name] = children[name]());
      const matcher = allMatchers[name];
      if (typeof matcher !== 'function') return undefined;
      return (made[name] = make(name, matcher));
    },
  });
  const promiseMatcher = (name, matcher) => getPromiseMatcher(name, matcher) || matcher;
  return level((name, matcher) => makeThrowingMatcher(matcher, false, '', actual), {
    not: () => level((name, matcher) => makeThrowingMatcher(matcher, true, '', actual)),
    resolves: () => level((name, matcher) => makeResolveMatcher(name, promiseMatcher(name, matcher), false, actual, getOuterErr()), {
      not: () => level((name, matcher) => makeResolveMatcher(name, promiseMatcher(name, matcher), true, actual, getOuterErr())),
    }),
    rejects: () => level((name, matcher) => makeRejectMatcher(name, promiseMatcher(name, matcher), false, actual, getOuterErr()), {
      not: () => level((name, matcher) => makeRejectMatcher(name, promiseMatcher(name, matcher), true, actual, getOuterErr())),
    }),
  });
};`;

/** Text patches to Jest's build output. Each must match, so a Jest upgrade cannot silently drop one. */
const patches = [
  {
    file: /node_modules[\\/]expect[\\/]build[\\/]index\.js$/,
    edits: [
      // Jest keeps matchers, state and equality testers on globalThis[Symbol.for('$$jest-matchers-object')],
      // where learner code could replace `toEqual`. Keep them in a private object instead.
      [/globalThis\[JEST_MATCHERS_OBJECT\]/g, '__questlineMatchersStore[JEST_MATCHERS_OBJECT]'],
      [
        /Object\.prototype\.hasOwnProperty\.call\(globalThis, JEST_MATCHERS_OBJECT\)/g,
        'Object.prototype.hasOwnProperty.call(__questlineMatchersStore, JEST_MATCHERS_OBJECT)',
      ],
      [
        /Object\.defineProperty\(globalThis, JEST_MATCHERS_OBJECT,/g,
        'Object.defineProperty(__questlineMatchersStore, JEST_MATCHERS_OBJECT,',
      ],
      // expect(actual) builds all ~60 matchers x 6 variants as closures, plus an Error, on every call:
      // about 160 us per call in a fresh isolate, most of a typical grading. Build them on first access.
      [
        /  const allMatchers = \(0, _jestMatchersObject\.getMatchers\)\(\);\n  const expectation = \{[\s\S]*?\n  return expectation;\n\};/,
        LAZY_EXPECTATION,
      ],
      // `.resolves` / `.rejects` returned `actual.then(...)`: a learner's thenable (or a real promise with an own
      // `then` or `constructor`) could return an already-resolved promise without ever calling back, so
      // `await expect(solve()).resolves.toBe(42)` passed with no check made. Settle it with a native `await`
      // inside our own async function instead: the matcher always runs, and the returned promise is ours.
      [
        /  return actualWrapper\.then\(result => makeThrowingMatcher\(matcher, isNot, 'resolves', result, innerErr\)\.apply\(null, args\), error => \{\n(    outerErr\.message = [^\n]*\n)    throw outerErr;\n  \}\);\n\};/,
        "  return (async () => {\n  let result;\n  try { result = await actualWrapper; } catch (error) {\n$1    throw outerErr;\n  }\n  return makeThrowingMatcher(matcher, isNot, 'resolves', result, innerErr).apply(null, args);\n  })();\n};",
      ],
      [
        /  return actualWrapper\.then\(result => \{\n(    outerErr\.message = [^\n]*\n)    throw outerErr;\n  \}, error => makeThrowingMatcher\(matcher, isNot, 'rejects', error, innerErr\)\.apply\(null, args\)\);\n\};/,
        "  return (async () => {\n  let result;\n  try { result = await actualWrapper; } catch (error) {\n    return makeThrowingMatcher(matcher, isNot, 'rejects', error, innerErr).apply(null, args);\n  }\n$1    throw outerErr;\n  })();\n};",
      ],
      // Every counted assertion goes through the harness, which can tell who made it (see harness/index.ts).
      [
        /\(0, _jestMatchersObject\.getState\)\(\)\.assertionCalls\+\+;/g,
        '__questlineGenuine.hooks.onAssertion((0, _jestMatchersObject.getState)());',
      ],
      // Register every genuine asymmetric matcher (see harness/genuine-asymmetric.ts).
      [
        /\$\$typeof = Symbol\.for\('jest\.asymmetricMatcher'\);/g,
        "$$$$typeof = (__questlineGenuine.genuineAsymmetricMatchers.add(this), Symbol.for('jest.asymmetricMatcher'));",
      ],
    ],
    prefix: 'var __questlineMatchersStore = {}; var __questlineGenuine = require("questline:genuine-asymmetric");\n',
  },
  {
    file: /node_modules[\\/]@jest[\\/]expect-utils[\\/]build[\\/]index\.js$/,
    edits: [[/return !!obj && isA\('Function', obj\.asymmetricMatch\);/g, 'return __questlineGenuine.isGenuineAsymmetricMatcher(obj);']],
    prefix: 'var __questlineGenuine = require("questline:genuine-asymmetric");\n',
  },
];

const shims = {
  chalk: 'chalk.js',
  'ansi-styles': 'ansi-styles.js',
  'jest-util': 'jest-util.js',
  'jest-message-util': 'jest-message-util.js',
  '@jest/react-is-18': 'react-is.js',
  '@jest/react-is-19': 'react-is.js',
};

const harnessPlugin = {
  name: 'questline-harness',
  setup(b) {
    b.onResolve({ filter: /^questline:genuine-asymmetric$/ }, () => ({ path: path.join(srcDir, 'harness/genuine-asymmetric.ts') }));
    b.onResolve({ filter: /.*/ }, (args) => {
      if (shims[args.path]) return { path: path.join(shimDir, shims[args.path]) };
      // Any Node built-in a dependency names resolves to an empty object: nothing may reach the host.
      const bare = args.path.replace(/^node:/, '');
      if (
        [
          'util',
          'util/types',
          'tty',
          'os',
          'path',
          'fs',
          'constants',
          'module',
          'assert',
          'stream',
          'url',
          'process',
          'graceful-fs',
        ].includes(bare)
      ) {
        return { path: path.join(shimDir, 'empty.js') };
      }
      return undefined;
    });
    b.onLoad({ filter: /node_modules[\\/](expect|@jest[\\/]expect-utils)[\\/]build[\\/]index\.js$/ }, async (args) => {
      const patch = patches.find((p) => p.file.test(args.path));
      let text = await fs.promises.readFile(args.path, 'utf8');
      for (const [pattern, replacement] of patch.edits) {
        if (!pattern.test(text)) throw new Error(`build-sandbox: patch ${pattern} no longer matches ${args.path}`);
        text = text.replace(pattern, replacement);
      }
      return { contents: patch.prefix + text, loader: 'js' };
    });
  },
};

async function main() {
  if (upToDate()) {
    console.log(`build-sandbox: ${path.relative(root, outDir)} is up to date`);
    return;
  }
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, logLevel: 'warning', metafile: true, absWorkingDir: root, legalComments: 'none' };
  const harness = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'harness/index.ts')],
    outfile: path.join(outDir, 'harness.js'),
    format: 'iife',
    platform: 'neutral',
    mainFields: ['main', 'module'],
    target: 'es2023',
    // Whitespace and syntax only: identifiers keep their names, so class and function names that show in
    // learner-facing messages stay right without esbuild's `keepNames`, which adds a defineProperty call per
    // function at start-up in every isolate (~70 µs of harness start, measured with the CPU profiler).
    minifyWhitespace: true,
    minifySyntax: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: '"use strict";' },
    plugins: [harnessPlugin],
  });
  const child = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'child/main.ts')],
    outfile: path.join(outDir, 'child.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    // pg stays a package (like isolated-vm): its optional native binding is not ours to bundle.
    external: ['isolated-vm', 'typescript', 'pg'],
    sourcemap: 'inline',
  });
  // The type-checker process (TypeScript gradings): the compiler stays an external require.
  const typecheck = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'typecheck/checker-main.ts')],
    outfile: path.join(outDir, 'typecheck.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    external: ['typescript'],
    sourcemap: 'inline',
  });
  const sqlModule = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'sql/isolate-module.ts')],
    outfile: path.join(outDir, 'sql-module.js'),
    format: 'esm',
    platform: 'neutral',
    target: 'es2023',
    minifyWhitespace: true,
    minifySyntax: true,
  });
  // The grader API as one CommonJS file, for plain-Node scripts such as scripts/bench-sandbox.mjs.
  const grader = await build({
    ...common,
    entryPoints: [path.join(srcDir, 'index.ts')],
    outfile: path.join(outDir, 'grader.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    external: ['isolated-vm', 'typescript', 'pg'],
  });
  // The pack-archive reader thread: the api starts it per upload, so it must be plain JavaScript on disk.
  const packReader = await build({
    ...common,
    entryPoints: [path.join(formatDir, 'archive/reader-thread.ts')],
    outfile: path.join(outDir, 'pack-reader.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node24',
  });
  const inputs = [
    ...new Set([harness, child, typecheck, sqlModule, grader, packReader].flatMap((result) => Object.keys(result.metafile.inputs))),
  ];
  fs.writeFileSync(
    manifestPath,
    JSON.stringify(
      { builtAt: started, outputs: ['harness.js', 'child.js', 'typecheck.js', 'sql-module.js', 'grader.js', 'pack-reader.js'], inputs },
      null,
      1,
    ),
  );
  const size = fs.statSync(path.join(outDir, 'harness.js')).size;
  console.log(`build-sandbox: built ${path.relative(root, outDir)} in ${Date.now() - started} ms (harness ${(size / 1024).toFixed(0)} KB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
