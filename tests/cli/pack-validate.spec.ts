import fs from 'node:fs';
import path from 'node:path';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackValidate } from '../../apps/cli/src/pack-validate';
import { ROOT, jsExercise, tempDir, writeTree } from './helpers';

describe('pack validate', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = tempDir('validate');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('accepts the built-in getting-started pack', () => {
    const out = memoryOutput();
    const { issues, exercises } = runPackValidate(path.join(ROOT, 'exercises/getting-started'), { out });
    expect(issues).toEqual([]);
    expect(exercises).toBe(4);
    expect(out.text()).toMatch(/^✓ Getting Started 1\.0\.0: valid \(1 chapter, 4 exercises\)$/);
  });

  it('lists every problem with its file and field', () => {
    writeTree(tmp, {
      'pack.yaml':
        'slug: demo\ntitle: Demo\ndescription: d\nversion: "1.0"\nauthors: [A]\nlanguages: [javascript]\n' +
        'chapters:\n  - slug: basics\n    title: Basics\n    requires: { exercises: [nope] }\n    exercises: [answer, missing]\n',
      ...jsExercise('basics', 'answer'),
      'basics/answer/exercise.yaml': 'slug: answer\ntitle: A\nlanguage: javascript\ndifficulty: 9\nxp: 10\nfileName: answer.js\n',
    });
    const out = memoryOutput();
    const { issues } = runPackValidate(tmp, { out });
    expect(out.lines).toEqual(
      expect.arrayContaining([
        '✗ pack.yaml: version: must be a semver version such as 1.0.0',
        '✗ basics/answer/exercise.yaml: difficulty: must be an integer from 1 to 5',
      ]),
    );
    expect(out.lines.at(-1)).toBe(`${issues.length} problems found`);
  });

  it('reports cross-reference problems once the schema is right', () => {
    writeTree(tmp, {
      'pack.yaml':
        'slug: demo\ntitle: Demo\ndescription: d\nversion: 1.0.0\nauthors: [A]\nlanguages: [javascript]\n' +
        'chapters:\n  - slug: basics\n    title: Basics\n    requires: { exercises: [nope] }\n    exercises: [answer, missing]\n',
      ...jsExercise('basics', 'answer'),
    });
    const out = memoryOutput();
    runPackValidate(tmp, { out });
    expect(out.lines).toEqual([
      '✗ pack.yaml: chapters[0].exercises[1]: no exercise folder at basics/missing/ (with an exercise.yaml)',
      '✗ pack.yaml: chapters[0].requires.exercises[0]: unknown exercise "nope"',
      '',
      '2 problems found',
    ]);
  });

  it('validates a single exercise folder on its own', () => {
    writeTree(tmp, jsExercise('basics', 'answer'));
    const out = memoryOutput();
    expect(runPackValidate(path.join(tmp, 'basics/answer'), { out }).issues).toEqual([]);
    expect(out.text()).toBe('✓ answer: valid');
  });
});
