import fs from 'node:fs';
import path from 'node:path';
import { loadPack } from '@questline/exercise-format';
import { importExercism } from '../../apps/cli/src/exercism/import';
import { importedModules } from '../../apps/cli/src/exercism/convert';
import { parseHints } from '../../apps/cli/src/exercism/markdown';
import { memoryOutput } from '../../apps/cli/src/output';
import { ROOT, tempDir } from './helpers';

const SAMPLE = path.join(ROOT, 'tests/fixtures/exercism-sample');

describe('pack import-exercism', () => {
  let out: string;
  beforeEach(() => {
    out = path.join(tempDir('exercism'), 'pack');
  });
  afterEach(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

  it('converts the sample track into a valid pack and lists what it cannot convert', () => {
    const log = memoryOutput();
    const summary = importExercism(path.join(SAMPLE, 'exercises'), out, { out: log });
    expect(summary.invalid).toEqual([]);
    expect(summary.imported).toEqual([
      { chapter: 'concept', slug: 'lasagna' },
      { chapter: 'practice', slug: 'two-fer' },
      { chapter: 'practice', slug: 'leap' },
      { chapter: 'practice', slug: 'pangram' },
    ]);
    expect(summary.skipped).toEqual([
      // Its example imports `../errors` (a path out of the exercise folder); errors.js alone would be a support file.
      {
        exercise: 'practice/bank-account',
        reason: '.meta/proof.ci.js imports ../errors, which is not a file beside it (folders are not supported)',
      },
    ]);
    expect(log.lines).toContain(
      '- practice/bank-account: not converted: .meta/proof.ci.js imports ../errors, which is not a file beside it (folders are not supported)',
    );
    expect(log.lines.at(-1)).toBe(`4 imported, 1 not converted -> ${out}`);

    const pack = loadPack(out);
    expect(pack.manifest).toMatchObject({ slug: 'exercism-javascript', languages: ['javascript', 'typescript'], version: '0.1.0' });
    expect(pack.chapters.map((c) => [c.slug, c.exercises.map((e) => e.exercise.manifest.slug)])).toEqual([
      ['concept', ['lasagna']],
      ['practice', ['two-fer', 'leap', 'pangram']],
    ]);
    const exercises = Object.fromEntries(pack.chapters.flatMap((c) => c.exercises.map((e) => [e.exercise.manifest.slug, e.exercise])));

    // Tests are copied unmodified, only renamed to *.test.*; the stub becomes the starter.
    const twoFer = exercises['two-fer'];
    expect(twoFer.visibleTests).toEqual([
      {
        fileName: 'two-fer.test.js',
        hidden: false,
        code: fs.readFileSync(path.join(SAMPLE, 'exercises/practice/two-fer/two-fer.spec.js'), 'utf8'),
      },
    ]);
    expect(twoFer.starter.code).toContain('Remove this line and implement the function');
    expect(twoFer.solution.code).toBe(fs.readFileSync(path.join(SAMPLE, 'exercises/practice/two-fer/.meta/proof.ci.js'), 'utf8'));
    expect(twoFer.manifest).toMatchObject({ title: 'Two Fer', difficulty: 1, xp: 10, fileName: 'two-fer.js', language: 'javascript' });
    expect(exercises.leap.manifest).toMatchObject({ difficulty: 2, xp: 20 });
    expect(exercises.pangram.manifest).toMatchObject({ language: 'typescript', fileName: 'pangram.ts', title: 'Pangram' });
    expect(exercises.pangram.visibleTests[0].fileName).toBe('pangram.test.ts');

    // Docs: introduction before instructions, headings under the title; hints from hints.md bullets.
    const lasagna = exercises.lasagna;
    expect(lasagna.manifest.title).toBe("Lucian's Luscious Lasagna");
    expect(lasagna.instructions).toMatch(
      /^# Lucian's Luscious Lasagna\n\n## Introduction\n\n### Constants[\s\S]*## Instructions[\s\S]*### 1\. Define/,
    );
    expect(lasagna.manifest.hints).toEqual([
      'Use `export` so the tests can see your constants and functions.',
      'Define the expected oven time: Define a [constant][constants] with `const`.',
      'Calculate the remaining oven time: Subtract the actual time from the expected time.',
      'Calculate the preparation time: Multiply the number of layers by 2.',
    ]);
    expect(exercises.leap.instructions).toMatch(/## Introduction\n\nA leap year[\s\S]*## Instructions/);
  });

  it('refuses to overwrite an existing pack without --force', () => {
    importExercism(SAMPLE, out, { out: memoryOutput() });
    expect(() => importExercism(SAMPLE, out, { out: memoryOutput() })).toThrow(/already holds a pack\.yaml; pass --force/);
    expect(importExercism(SAMPLE, out, { out: memoryOutput(), force: true, slug: 'mine' }).imported).toHaveLength(4);
    expect(loadPack(out).manifest.slug).toBe('mine');
  });

  it('rejects a folder that is not a track', () => {
    expect(() => importExercism(path.join(SAMPLE, 'exercises/practice'), out, { out: memoryOutput() })).toThrow(
      /no concept\/ or practice\/ folder/,
    );
  });
});

describe('exercism helpers', () => {
  it('finds every module a file imports', () => {
    const code = [
      "import { describe, it } from '@jest/globals'",
      "import {\n  // eslint-disable-next-line import/named\n  A,\n  b,\n} from './lasagna';",
      'import * as all from "./x.ts";',
      "const c = require('./helper');",
      "export { d } from './reexport';",
      "import './side-effect';",
    ].join('\n');
    expect(importedModules(code).sort()).toEqual(['./helper', './lasagna', './reexport', './side-effect', './x.ts', '@jest/globals']);
  });

  it('turns hints.md bullets into hints', () => {
    expect(parseHints('# Hints\n\n## General\n\n- one\n  more\n* two\n\n## 2. Task two\n\n- three\n')).toEqual([
      'one more',
      'two',
      'Task two: three',
    ]);
  });
});
