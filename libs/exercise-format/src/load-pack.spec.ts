import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findExerciseDirs } from './find';
import { ExerciseFormatError, formatIssue } from './issues';
import { loadPack, validatePack } from './load-pack';

function writeTree(root: string, tree: Record<string, string>): void {
  for (const [file, content] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}

function exercise(chapter: string, slug: string, language: 'javascript' | 'typescript' = 'javascript'): Record<string, string> {
  const ext = language === 'javascript' ? 'js' : 'ts';
  return {
    [`${chapter}/${slug}/exercise.yaml`]: `slug: ${slug}\ntitle: T\nlanguage: ${language}\ndifficulty: 2\nxp: 5\nfileName: ${slug}.${ext}\nhints: []\n`,
    [`${chapter}/${slug}/README.md`]: '# T\n',
    [`${chapter}/${slug}/starter/${slug}.${ext}`]: '',
    [`${chapter}/${slug}/solution/${slug}.${ext}`]: '',
    [`${chapter}/${slug}/tests/${slug}.test.${ext}`]: '',
  };
}

const packYaml = `slug: basics-pack
title: Basics
description: First steps.
version: 1.2.0-beta.1
authors: [Ada]
languages: [javascript, typescript]
xp: { firstTryBonusPercent: 20 }
chapters:
  - slug: basics
    title: Basics
    exercises: [two-fer, leap]
  - slug: more
    title: More
    requires: { chapters: [basics] }
    exercises:
      - typed
      - slug: last
        requires: { exercises: [typed] }
`;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-pack-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function validPack(overrides: Record<string, string> = {}): string {
  writeTree(tmp, {
    'pack.yaml': packYaml,
    ...exercise('basics', 'two-fer'),
    ...exercise('basics', 'leap'),
    ...exercise('more', 'typed', 'typescript'),
    ...exercise('more', 'last'),
    ...overrides,
  });
  return tmp;
}

describe('loadPack', () => {
  it('loads chapters in order with normalised requirements', () => {
    const pack = loadPack(validPack());
    expect(pack.manifest.version).toBe('1.2.0-beta.1');
    expect(pack.chapters.map((c) => [c.slug, c.requires, c.exercises.map((e) => [e.exercise.manifest.slug, e.requires])])).toEqual([
      [
        'basics',
        {},
        [
          ['two-fer', {}],
          ['leap', {}],
        ],
      ],
      [
        'more',
        { chapters: ['basics'] },
        [
          ['typed', {}],
          ['last', { exercises: ['typed'] }],
        ],
      ],
    ]);
    expect(validatePack(tmp)).toEqual([]);
  });

  it('throws an ExerciseFormatError carrying every issue', () => {
    validPack({ 'pack.yaml': packYaml.replace('version: 1.2.0-beta.1', 'version: v1') });
    expect(() => loadPack(tmp)).toThrow(ExerciseFormatError);
    expect(() => loadPack(tmp)).toThrow('pack.yaml: version: must be a semver version such as 1.0.0');
  });
});

describe('validatePack', () => {
  it('reports schema problems in pack.yaml with their fields', () => {
    const bad = packYaml
      .replace('authors: [Ada]', 'authors: []')
      .replace('languages: [javascript, typescript]', 'languages: [python]')
      .replace('exercises: [two-fer, leap]', 'exercises: [two-fer, Leap_2, 3, { slug: leap, requries: {} }]');
    const lines = validatePack(validPack({ 'pack.yaml': bad })).map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'pack.yaml: authors: must list at least one author',
        'pack.yaml: languages[0]: must be "javascript", "typescript" or "sql"',
        'pack.yaml: chapters[0].exercises[1]: must be kebab-case (lowercase letters, digits and single dashes)',
        'pack.yaml: chapters[0].exercises[2]: must be a folder name or an object with a slug',
        'pack.yaml: chapters[0].exercises[3].requries: unknown field (check the spelling)',
      ]),
    );
  });

  it('checks references, duplicates, missing and unlisted folders, and exercise files', () => {
    const bad = packYaml
      .replace('requires: { chapters: [basics] }', 'requires: { chapters: [basic] }')
      .replace('exercises: [typed]', 'exercises: [typo]')
      .replace('exercises: [two-fer, leap]', 'exercises: [two-fer, leap, two-fer, gone]');
    const lines = validatePack(
      validPack({
        'pack.yaml': bad,
        ...exercise('basics', 'stray'),
        'basics/leap/exercise.yaml': 'slug: leap\ntitle: T\nlanguage: javascript\ndifficulty: 0\nxp: 5\nfileName: leap.js\n',
      }),
    ).map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'basics/leap/exercise.yaml: difficulty: must be an integer from 1 to 5',
        'pack.yaml: chapters[0].exercises[3]: no exercise folder at basics/gone/ (with an exercise.yaml)',
        'pack.yaml: chapters[0].exercises[2]: duplicate exercise slug "two-fer" (already in chapter "basics")',
        'pack.yaml: chapters[1].requires.chapters[0]: unknown chapter "basic"',
        'pack.yaml: chapters[1].exercises[1].requires.exercises[0]: unknown exercise "typo"',
        expect.stringMatching(/^basics\/stray\/: is an exercise folder not listed in pack\.yaml/),
      ]),
    );
  });

  it('rejects an exercise language the pack does not declare', () => {
    const lines = validatePack(validPack({ 'pack.yaml': packYaml.replace('[javascript, typescript]', '[javascript]') })).map(formatIssue);
    expect(lines).toEqual([expect.stringMatching(/^more\/typed\/exercise\.yaml: language: "typescript" is not in the pack's languages/)]);
  });

  it('finds requirement cycles', () => {
    const cyclic = packYaml.replace('exercises: [two-fer, leap]', 'exercises: [two-fer, { slug: leap, requires: { exercises: [last] } }]');
    const lines = validatePack(validPack({ 'pack.yaml': cyclic })).map(formatIssue);
    expect(lines).toEqual([expect.stringMatching(/^pack\.yaml: chapters: requirements form a cycle.*leap/)]);
  });

  it('still checks every exercise folder when pack.yaml is missing', () => {
    validPack({ 'basics/leap/exercise.yaml': 'slug: leap\n' });
    fs.rmSync(path.join(tmp, 'pack.yaml'));
    const lines = validatePack(tmp).map(formatIssue);
    expect(lines[0]).toBe('pack.yaml: is missing');
    expect(lines).toContain('basics/leap/exercise.yaml: title: is required');
  });
});

describe('findExerciseDirs', () => {
  it('finds exercises below any folder, sorted, without descending into them', () => {
    validPack({ 'basics/two-fer/tests/nested/exercise.yaml': '' });
    expect(findExerciseDirs(tmp).map((d) => path.relative(tmp, d))).toEqual(['basics/leap', 'basics/two-fer', 'more/last', 'more/typed']);
    expect(findExerciseDirs(path.join(tmp, 'more', 'typed'))).toEqual([path.join(tmp, 'more', 'typed')]);
    expect(findExerciseDirs(path.join(tmp, 'nowhere'))).toEqual([]);
  });
});

describe('typecheck settings', () => {
  test("the pack's typecheck is merged into each exercise (the exercise's own wins), and bad values are reported", () => {
    writeTree(tmp, {
      'pack.yaml': packYaml.replace('xp: {', 'typecheck: { noUnusedLocals: true, strict: true }\nxp: {'),
      ...exercise('basics', 'two-fer'),
      ...exercise('basics', 'leap'),
      ...exercise('more', 'typed', 'typescript'),
      ...exercise('more', 'last', 'typescript'),
    });
    const typedYaml = path.join(tmp, 'more/typed/exercise.yaml');
    fs.appendFileSync(typedYaml, 'typecheck: { strict: false }\n');
    fs.appendFileSync(path.join(tmp, 'more/last/exercise.yaml'), 'typecheck: false\n');
    const pack = loadPack(tmp);
    const manifests = new Map(pack.chapters.flatMap((c) => c.exercises.map(({ exercise: e }) => [e.manifest.slug, e.manifest])));
    expect(manifests.get('typed')!.typecheck).toEqual({ noUnusedLocals: true, strict: false });
    expect(manifests.get('last')!.typecheck).toBe(false);
    expect(manifests.get('leap')!.typecheck).toEqual({ noUnusedLocals: true, strict: true });

    fs.writeFileSync(typedYaml, fs.readFileSync(typedYaml, 'utf8').replace('typecheck: { strict: false }', 'typecheck: { strictt: true }'));
    expect(validatePack(tmp).map((issue) => issue.field)).toEqual(['typecheck.strictt']);
  });
});
