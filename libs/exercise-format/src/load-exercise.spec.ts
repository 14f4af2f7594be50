import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExerciseFormatError, formatIssue } from './issues';
import { checkExercise, loadExercise } from './load-exercise';
import { buildGradeRequest, DEFAULT_GRADE_LIMITS } from '@questline/sandbox';
import { contentHash, gradeSource } from './grade-request';

type Tree = Record<string, string>;

function writeTree(root: string, tree: Tree): void {
  for (const [file, content] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}

const manifest = `slug: two-fer
title: Two-fer
language: javascript
difficulty: 1
xp: 10
fileName: two-fer.js
hints:
  - Use a default parameter.
limits: { timeMs: 3000 }
`;

function twoFer(overrides: Tree = {}): Tree {
  return {
    'exercise.yaml': manifest,
    'README.md': '# Two-fer\n',
    'starter/two-fer.js': 'export function twoFer() {}\n',
    'solution/two-fer.js': "export function twoFer(name = 'you') { return `One for ${name}, one for me.`; }\n",
    'tests/two-fer.test.js': "import { twoFer } from './two-fer';\ntest('a', () => expect(twoFer()).toBe('One for you, one for me.'));\n",
    'tests/hidden/names.test.js':
      "import { twoFer } from './two-fer';\ntest('b', () => expect(twoFer('Bo')).toBe('One for Bo, one for me.'));\n",
    'wrong/always-you.js': "export function twoFer() { return 'One for you, one for me.'; }\n",
    ...overrides,
  };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-exercise-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function make(tree: Tree, rel = 'basics/two-fer'): string {
  const dir = path.join(tmp, rel);
  writeTree(dir, tree);
  return dir;
}

describe('loadExercise', () => {
  it('loads a valid exercise with its files in order', () => {
    const exercise = loadExercise(make(twoFer({ 'tests/a.test.js': 'test("x", () => {});\n' })));
    expect(exercise.manifest).toMatchObject({ slug: 'two-fer', difficulty: 1, xp: 10, hints: ['Use a default parameter.'] });
    expect(exercise.starter.fileName).toBe('two-fer.js');
    expect(exercise.visibleTests.map((t) => [t.fileName, t.hidden])).toEqual([
      ['a.test.js', false],
      ['two-fer.test.js', false],
    ]);
    expect(exercise.hiddenTests.map((t) => [t.fileName, t.hidden])).toEqual([['hidden/names.test.js', true]]);
    expect(exercise.wrong.map((w) => w.fileName)).toEqual(['always-you.js']);
    expect(exercise.instructions).toContain('# Two-fer');
  });

  it('names file and field for schema errors, and reports them all', () => {
    const bad = manifest.replace('difficulty: 1', 'difficulty: 7').replace('xp: 10', 'xp: -5').replace('title: Two-fer\n', '');
    const { exercise, issues } = checkExercise(make(twoFer({ 'exercise.yaml': `${bad}dificulty: 2\n` })));
    expect(exercise).toBeUndefined();
    const lines = issues.map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'basics/two-fer/exercise.yaml: difficulty: must be an integer from 1 to 5',
        'basics/two-fer/exercise.yaml: xp: must be a positive integer',
        'basics/two-fer/exercise.yaml: title: is required',
        'basics/two-fer/exercise.yaml: dificulty: unknown field (check the spelling)',
      ]),
    );
  });

  it('rejects limits above the platform maxima', () => {
    const { issues } = checkExercise(
      make(twoFer({ 'exercise.yaml': manifest.replace('{ timeMs: 3000 }', '{ timeMs: 60000, memoryMb: 512 }') })),
    );
    expect(issues.map((i) => i.field)).toEqual(['limits.timeMs', 'limits.memoryMb']);
    expect(issues[0].message).toMatch(/10000 ms/);
  });

  it('requires slug = folder name, matching files and a visible test', () => {
    const tree = twoFer({ 'exercise.yaml': manifest.replace('fileName: two-fer.js', 'fileName: two-fer.ts') });
    delete tree['tests/two-fer.test.js'];
    const dir = make(tree, 'basics/twofer');
    const lines = checkExercise(dir).issues.map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'basics/twofer/exercise.yaml: slug: must equal the folder name "twofer"',
        'basics/twofer/exercise.yaml: fileName: must end in .js for a javascript exercise',
        expect.stringMatching(/^basics\/twofer\/starter\/two-fer\.ts: is missing/),
        expect.stringMatching(/^basics\/twofer\/starter\/two-fer\.js: unexpected file/),
        expect.stringMatching(/^basics\/twofer\/solution\/two-fer\.ts: is missing/),
        expect.stringMatching(/^basics\/twofer\/tests: has no visible tests/),
      ]),
    );
  });

  it('rejects test and wrong files with the wrong extension', () => {
    const lines = checkExercise(
      make(twoFer({ 'tests/extra.test.ts': '', 'tests/helper.js': '', 'wrong/bad.ts': '', 'tests/hidden/x.spec.js': '' })),
    ).issues.map(formatIssue);
    expect(lines).toEqual([
      expect.stringMatching(/^basics\/two-fer\/tests\/extra\.test\.ts: must end in \.test\.js/),
      expect.stringMatching(/^basics\/two-fer\/tests\/helper\.js: is not a test file/),
      expect.stringMatching(/^basics\/two-fer\/tests\/hidden\/x\.spec\.js: is not a test file/),
      expect.stringMatching(/^basics\/two-fer\/wrong\/bad\.ts: must end in \.js/),
    ]);
  });

  it('reports YAML syntax errors and a missing manifest', () => {
    expect(checkExercise(make(twoFer({ 'exercise.yaml': 'slug: [unclosed\n' }))).issues[0]).toMatchObject({
      file: 'basics/two-fer/exercise.yaml',
      message: expect.stringMatching(/^invalid YAML/),
    });
    const tree = twoFer();
    delete tree['exercise.yaml'];
    delete tree['README.md'];
    const error = (() => {
      try {
        loadExercise(make(tree, 'other/two-fer'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ExerciseFormatError);
    expect((error as ExerciseFormatError).issues).toEqual([
      { file: 'other/two-fer/exercise.yaml', message: 'is missing' },
      { file: 'other/two-fer/README.md', message: 'is missing (the instructions)' },
    ]);
  });
});

describe('gradeSource + buildGradeRequest', () => {
  const requestFor = (exercise: ReturnType<typeof loadExercise>, code: string, options: { includeHidden?: boolean } = {}) =>
    buildGradeRequest(gradeSource(exercise), code, options);

  it('keeps a hidden test file distinct from a visible one with the same name', () => {
    const exercise = loadExercise(make(twoFer({ 'tests/hidden/two-fer.test.js': 'test("h", () => {});\n' })));
    expect(requestFor(exercise, '', { includeHidden: true }).tests.map((t) => [t.fileName, t.hidden])).toEqual([
      ['two-fer.test.js', false],
      ['hidden/names.test.js', true],
      ['hidden/two-fer.test.js', true],
    ]);
  });

  it('puts visible tests first, adds hidden ones only when asked, and carries limits', () => {
    const exercise = loadExercise(make(twoFer()));
    const run = requestFor(exercise, 'code');
    expect(run).toEqual({
      language: 'javascript',
      solution: { fileName: 'two-fer.js', code: 'code' },
      tests: [expect.objectContaining({ fileName: 'two-fer.test.js', hidden: false })],
      // The manifest's time limit; the memory limit it does not set is the platform default.
      limits: { timeMs: 3000, memoryMb: DEFAULT_GRADE_LIMITS.memoryMb },
    });
    const submit = requestFor(exercise, 'code', { includeHidden: true });
    expect(submit.tests.map((t) => t.fileName)).toEqual(['two-fer.test.js', 'hidden/names.test.js']);
    expect(submit.tests[1].hidden).toBe(true);
  });

  it('has no limits of its own when the manifest has none, so the request gets the platform defaults', () => {
    const exercise = loadExercise(make(twoFer({ 'exercise.yaml': manifest.replace('limits: { timeMs: 3000 }\n', '') })));
    expect(gradeSource(exercise)).not.toHaveProperty('limits');
    expect(requestFor(exercise, '').limits).toEqual(DEFAULT_GRADE_LIMITS);
  });
});

describe('contentHash', () => {
  it('is stable across key order and README edits, and changes with tests or manifest', () => {
    const base = contentHash(loadExercise(make(twoFer(), 'a/two-fer')));
    const reordered = `xp: 10\n${manifest.replace('xp: 10\n', '')}`;
    expect(contentHash(loadExercise(make(twoFer({ 'exercise.yaml': reordered, 'README.md': 'new' }), 'b/two-fer')))).toBe(base);
    expect(contentHash(loadExercise(make(twoFer({ 'tests/hidden/names.test.js': 'changed' }), 'c/two-fer')))).not.toBe(base);
    expect(contentHash(loadExercise(make(twoFer({ 'exercise.yaml': manifest.replace('xp: 10', 'xp: 20') }), 'd/two-fer')))).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sql exercises', () => {
  const sqlManifest = `slug: adults\ntitle: Adults\nlanguage: sql\ndifficulty: 1\nxp: 10\nfileName: query.sql\n`;
  const sqlTree: Tree = {
    'exercise.yaml': sqlManifest,
    'README.md': '# Adults\n',
    'schema.sql': 'CREATE TABLE people (id int, age int);\n',
    'starter/query.sql': 'SELECT 1;\n',
    'solution/query.sql': 'SELECT id FROM people WHERE age >= 18;\n',
    'tests/query.test.js':
      "import { db } from '@questline/sql';\nimport query from './query.sql';\ntest('a', async () => { await db.query(query); });\n",
    'wrong/all.sql': 'SELECT id FROM people;\n',
  };

  test('load with .sql learner files, .js tests and the schema as the database setup, which grading carries', () => {
    const exercise = loadExercise(make(sqlTree, 'db/adults'));
    expect(exercise.database).toEqual({ setup: 'CREATE TABLE people (id int, age int);\n' });
    expect(exercise.wrong.map((w) => w.fileName)).toEqual(['all.sql']);
    const request = buildGradeRequest(gradeSource(exercise), 'SELECT 2;');
    expect(request).toMatchObject({ language: 'sql', solution: { fileName: 'query.sql' }, database: { setup: exercise.database!.setup } });
  });

  test('a missing schema.sql is reported; the schema is part of the content hash', () => {
    const without = Object.fromEntries(Object.entries(sqlTree).filter(([file]) => file !== 'schema.sql'));
    expect(checkExercise(make(without, 'db/adults')).issues.map(formatIssue)).toContain(
      'db/adults/schema.sql: is missing (an sql exercise needs its schema and seed data)',
    );
    const a = loadExercise(make(sqlTree, 'db1/adults'));
    const b = loadExercise(make({ ...sqlTree, 'schema.sql': 'CREATE TABLE people (id int);\n' }, 'db2/adults'));
    expect(contentHash(a)).not.toBe(contentHash(b));
  });

  test('JavaScript exercises keep their hash when they have no schema.sql', () => {
    const exercise = loadExercise(make(twoFer()));
    expect(exercise.database).toBeUndefined();
    expect(buildGradeRequest(gradeSource(exercise), '')).not.toHaveProperty('database');
  });
});

describe('support files and kind', () => {
  const requestFor = (exercise: ReturnType<typeof loadExercise>, code: string) => buildGradeRequest(gradeSource(exercise), code);
  it('loads support/ files into the grade request, and kind: refactor', () => {
    const exercise = loadExercise(
      make(
        twoFer({
          'exercise.yaml': `${manifest}kind: refactor\n`,
          'support/greeting.js': "export const greeting = 'One for';\n",
          'support/util.ts': 'export {};\n',
        }),
      ),
    );
    expect(exercise.manifest.kind).toBe('refactor');
    expect(exercise.support.map((f) => f.fileName)).toEqual(['greeting.js', 'util.ts']);
    expect(requestFor(exercise, 'x').supportFiles).toEqual(exercise.support);
    // Without support files the request and the hash are as before.
    const plain = loadExercise(make(twoFer(), 'other/two-fer'));
    expect(requestFor(plain, 'x')).not.toHaveProperty('supportFiles');
    expect(contentHash(exercise)).not.toBe(
      contentHash(loadExercise(make(twoFer({ 'exercise.yaml': `${manifest}kind: refactor\n` }), 'c/two-fer'))),
    );
  });

  it('loads data files (not modules, one folder deep) from support/ as support files for the read-only fs', () => {
    const exercise = loadExercise(
      make(twoFer({ 'support/words.csv': 'a,1\n', 'support/data/input.txt': 'hello', 'support/greeting.js': 'export {};\n' }), 'd/two-fer'),
    );
    expect(exercise.support).toEqual([
      { fileName: 'words.csv', code: 'a,1\n' },
      { fileName: 'data/input.txt', code: 'hello' },
      { fileName: 'greeting.js', code: 'export {};\n' },
    ]);
    expect(requestFor(exercise, 'x').supportFiles).toEqual(exercise.support);
  });

  it('rejects a support file that is a test, not a module, or named like the learner file; and an unknown kind', () => {
    const { issues } = checkExercise(
      make(
        twoFer({
          'support/two-fer.ts': '',
          'support/a.test.js': '',
          'support/big.txt': 'x'.repeat(256 * 1024 + 1),
          'support/data/deep.js': '',
        }),
      ),
    );
    expect(issues.map(formatIssue)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/support\/two-fer\.ts.*same name as another module \(imports say \.\/two-fer\)/),
        expect.stringMatching(/support\/a\.test\.js.*must be a \.js or \.ts module that is not a test/),
        expect.stringMatching(/support\/big\.txt.*256 KB/),
        expect.stringMatching(/support\/data\/deep\.js.*must not be a module/),
      ]),
    );
    const kind = checkExercise(make(twoFer({ 'exercise.yaml': `${manifest}kind: rewrite\n` }), 'k/two-fer'));
    expect(kind.issues.map(formatIssue)).toEqual(['k/two-fer/exercise.yaml: kind: must be "implement" or "refactor"']);
  });
});
