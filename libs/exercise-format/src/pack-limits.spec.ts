// Size and structure limits (issue 12 items 3 and 4): every breach is a report line with the file and field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validatePack } from './load-pack';

const base = {
  'pack.yaml': `slug: limits\ntitle: Limits\ndescription: Short.\nversion: 1.0.0\nauthors: [Ada]\nlanguages: [javascript]\nchapters:\n  - slug: basics\n    title: Basics\n    exercises: [one]\n`,
  'basics/one/exercise.yaml': `slug: one\ntitle: One\nlanguage: javascript\ndifficulty: 1\nxp: 5\nfileName: one.js\nhints: []\n`,
  'basics/one/README.md': '# One\n',
  'basics/one/starter/one.js': '',
  'basics/one/solution/one.js': '',
  'basics/one/tests/one.test.js': '',
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-limits-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pack(overrides: Record<string, string | Buffer>): string {
  for (const [file, content] of Object.entries({ ...base, ...overrides })) {
    fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    fs.writeFileSync(path.join(tmp, file), content);
  }
  return tmp;
}

const manifest = (extra: string) => base['pack.yaml'].replace('description: Short.\n', extra);

describe('pack limits', () => {
  it('the base pack is valid', () => {
    expect(validatePack(pack({}))).toEqual([]);
  });

  it('refuses over-long text fields, naming each', () => {
    const issues = validatePack(
      pack({
        'pack.yaml': manifest(`description: ${'d'.repeat(3000)}\n`).replace('title: Limits', `title: ${'t'.repeat(121)}`),
        'basics/one/exercise.yaml': base['basics/one/exercise.yaml'].replace('hints: []', `hints: ["${'h'.repeat(1001)}"]`),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'pack.yaml', field: 'description', message: 'must be at most 2000 characters (this one has 3000)' },
        { file: 'pack.yaml', field: 'title', message: 'must be at most 120 characters (this one has 121)' },
        { file: 'basics/one/exercise.yaml', field: 'hints[0]', message: 'must be at most 1000 characters (this one has 1001)' },
      ]),
    );
  });

  it('refuses too many items in a list', () => {
    const hints = `hints: [${Array.from({ length: 11 }, (_, i) => `h${i}`).join(', ')}]`;
    const issues = validatePack(pack({ 'basics/one/exercise.yaml': base['basics/one/exercise.yaml'].replace('hints: []', hints) }));
    expect(issues).toEqual([{ file: 'basics/one/exercise.yaml', field: 'hints', message: 'must have at most 10 items' }]);
  });

  it('refuses files over their size limit without reading them', () => {
    const issues = validatePack(
      pack({
        'basics/one/README.md': Buffer.alloc(12 * 1024 * 1024, 'a'),
        'basics/one/solution/one.js': Buffer.alloc(65 * 1024, ' '),
        'basics/one/tests/big.test.js': Buffer.alloc(257 * 1024, ' '),
        'basics/one/wrong/w.js': Buffer.alloc(65 * 1024, ' '),
        'pack.yaml': Buffer.concat([Buffer.from(base['pack.yaml']), Buffer.alloc(65 * 1024, '\n')]),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'pack.yaml', message: 'is 65 KB; at most 64 KB' },
        { file: 'basics/one/README.md', message: 'is 12.0 MB; at most 64 KB' },
        { file: 'basics/one/solution/one.js', message: 'is 65 KB; at most 64 KB' },
        { file: 'basics/one/tests/big.test.js', message: 'is 257 KB; at most 256 KB' },
        { file: 'basics/one/wrong/w.js', message: 'is 65 KB; at most 64 KB' },
      ]),
    );
  });

  it('refuses more test code in total than one grading accepts', () => {
    const files = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`basics/one/tests/t${i}.test.js`, Buffer.alloc(250 * 1024, ' ')]),
    );
    expect(validatePack(pack(files))).toEqual([
      { file: 'basics/one/tests', message: 'holds 1.2 MB of tests (visible and hidden); at most 1.0 MB' },
    ]);
  });
});

describe('YAML structure limits', () => {
  it('refuses an alias bomb with the file and the field', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        return `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`;
      }),
    ].join('\n');
    const issues = validatePack(pack({ 'pack.yaml': `${base['pack.yaml']}${bomb}\n` }));
    expect(issues).toEqual([
      { file: 'pack.yaml', field: expect.stringMatching(/^[a-i]\[\d\]$/), message: expect.stringMatching(/more than 20 YAML aliases/) },
    ]);
  });

  it('refuses deep nesting with the file and the field', () => {
    const deep = `requires: ${'['.repeat(40)}${']'.repeat(40)}`;
    const issues = validatePack(pack({ 'basics/one/exercise.yaml': `${base['basics/one/exercise.yaml']}${deep}\n` }));
    expect(issues).toEqual([
      { file: 'basics/one/exercise.yaml', field: `requires${'[0]'.repeat(16)}`, message: 'is nested more than 16 levels deep' },
    ]);
  });

  it('refuses nesting deep enough to overflow the parser, as a report line', () => {
    const issues = validatePack(pack({ 'pack.yaml': `x: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n` }));
    expect(issues).toContainEqual({ file: 'pack.yaml', message: expect.stringMatching(/invalid YAML|nested more than/) });
  });
});
