// ESLint (flat config) for the whole repository: `npm run lint` runs it with `prettier --check`.
// Formatting is Prettier's job (.prettierrc.json); these rules look for defects: unhandled promises,
// unused code, `any` leaking in, hooks misuse in the web app.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.data/**',
      'coverage/**',
      // Learner-facing content: starters, solutions and tests are part of a pack's content hash.
      'exercises/**',
      // A copy of upstream Exercism files, imported as they are by tests/cli/import-exercism.spec.ts.
      'tests/fixtures/exercism-sample/**',
      // A pack (learner-facing content, like exercises/) for tests/cli/pack-mutate.spec.ts.
      'tests/fixtures/weak-tests-pack/**',
      // Exercism-style track fixtures (Jest globals, stubs with unused imports), graded by the sandbox.
      'tests/fixtures/exercism-classes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['apps/web/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Preact event handlers may be async; they catch their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Flags the `!` written for indexed reads and `undefined as unknown` placeholders; its fixer breaks the latter.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Patterns here match indented source text; runs of spaces read as the indentation they match.
      'no-regex-spaces': 'off',
      // `catch {}` is how this code says "ignore": a missing file, a process already gone.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // An async method without await is how a synchronous implementation fits an async interface.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, objectContaining) and supertest's res.body are typed `any`:
    // in tests the no-unsafe-* rules would flag the idiom, not defects.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The in-isolate harness captures intrinsics before learner code runs (unbound, called through
    // Reflect.apply/.call), walks prototypes reflectively, and passes on whatever learner code throws or
    // rejects with, Error or not, plus its own NEVER_SETTLES sentinel.
    files: ['libs/sandbox/src/harness/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript (scripts, configs, the CLI shim, sandbox shims): no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'bin/**/*.js', 'libs/sandbox/src/harness/shims/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
