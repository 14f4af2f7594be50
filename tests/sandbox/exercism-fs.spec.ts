// The read-only in-memory `fs` and minimal `path` (libs/sandbox/src/child/node-builtins.ts): exercises
// that read their own data files, and nothing of the host's file system.
import { createGrader, type Grader, type GradeRequest, type SourceFile } from '@questline/sandbox';

let grader: Grader;
beforeAll(() => {
  grader = createGrader({ poolSize: 1 });
});
afterAll(() => grader.close());

const DATA: SourceFile[] = [
  { fileName: 'words.csv', code: 'apple,3\nbanana,5\ncherry,7\n' },
  { fileName: 'data/input.txt', code: 'héllo wörld' },
];

function request(solution: string, tests: string, supportFiles: SourceFile[] = DATA): GradeRequest {
  return {
    language: 'javascript',
    solution: { fileName: 'reader.js', code: solution },
    supportFiles,
    tests: [{ fileName: 'reader.spec.js', code: tests, hidden: false }],
  };
}

const statuses = (tests: Array<{ name: string; status: string }>) => tests.map((t) => `${t.status} ${t.name}`);

describe('reading data files', () => {
  test('ES imports of fs, node:fs, fs/promises and path, from the learner file and the tests', async () => {
    const solution = `import fs from 'fs';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'fs/promises';
import path from 'path';
export const total = () => readFileSync('words.csv', 'utf8').trim().split('\\n').reduce((s, l) => s + Number(l.split(',')[1]), 0);
export const info = () => ({
  exists: existsSync('./data/input.txt'), missing: existsSync('nope.txt'), root: readdirSync('.'), sub: readdirSync('data'),
  isFile: statSync('words.csv').isFile(), isDir: statSync('data').isDirectory(), size: statSync('data/input.txt').size,
  bytes: Array.from(fs.readFileSync(path.join('.', 'data', 'input.txt'))).length, asText: fs.readFileSync('data/input.txt').toString(),
});
export const later = () => readFile(path.resolve('data/input.txt'), { encoding: 'utf8' });
`;
    const tests = `import { total, info, later } from './reader';
import { readFileSync } from 'fs';
test('total', () => expect(total()).toBe(15));
test('info', () => expect(info()).toEqual({ exists: true, missing: false, root: ['data', 'words.csv'], sub: ['input.txt'],
  isFile: true, isDir: true, size: 13, bytes: 13, asText: 'héllo wörld' }));
test('promises', async () => { await expect(later()).resolves.toBe('héllo wörld'); });
test('tests read too', () => expect(readFileSync('/exercise/words.csv', 'utf8')).toMatch(/^apple/));
test('a wrong total fails', () => expect(total()).toBe(16));
`;
    const result = await grader.grade(request(solution, tests));
    expect(statuses(result.tests)).toEqual(['pass total', 'pass info', 'pass promises', 'pass tests read too', 'fail a wrong total fails']);
  });

  test('CommonJS require of fs and path with __dirname', async () => {
    const solution = `const fs = require('fs');\nconst path = require('node:path');
module.exports = { first: () => fs.readFileSync(path.join(__dirname, 'words.csv'), 'utf8').split(',')[0] };`;
    const tests = `import { first } from './reader';\ntest('first', () => expect(first()).toBe('apple'));\n`;
    const result = await grader.grade(request(solution, tests));
    expect(result.message).toBeUndefined();
    expect(statuses(result.tests)).toEqual(['pass first']);
  });
});

describe('nothing else is reachable', () => {
  const probe = (expression: string) => `import fs from 'fs';
export const attempt = () => { try { return 'read:' + String(${expression}).slice(0, 40); } catch (e) { return e.code + ' ' + e.message; } };`;
  const tests = `import { attempt } from './reader';\ntest('probe', () => { throw new Error('RESULT ' + attempt()); });\n`;

  test.each([
    ['../../etc/passwd', "fs.readFileSync('../../etc/passwd', 'utf8')", /^Error: RESULT ENOENT/],
    ['an absolute host path', "fs.readFileSync('/etc/passwd', 'utf8')", /^Error: RESULT ENOENT/],
    ['climbing out of /exercise', "fs.readFileSync('/exercise/../etc/hostname', 'utf8')", /^Error: RESULT ENOENT/],
    [
      'a file URL-like object',
      "fs.readFileSync({ href: 'file:///etc/passwd', protocol: 'file:', pathname: '/etc/passwd' }, 'utf8')",
      /^Error: RESULT ENOENT/,
    ],
    ['a symlink-looking name', "fs.readFileSync('data/../../proc/self/environ', 'utf8')", /^Error: RESULT ENOENT/],
    ['a NUL byte', "fs.readFileSync('words.csv\\0.txt', 'utf8')", /^Error: RESULT ENOENT/],
    ['a huge path', "fs.readFileSync('a/'.repeat(1e6), 'utf8')", /^Error: RESULT ENOENT/],
    ['a directory', "fs.readFileSync('data')", /^Error: RESULT EISDIR/],
    ['a write', "fs.writeFileSync('words.csv', 'x')", /^Error: RESULT EROFS EROFS: read-only file system, writeFile 'words.csv'/],
    ['a mkdir', "fs.mkdirSync('tmp')", /^Error: RESULT EROFS/],
    ['replacing readFileSync', "(fs.readFileSync = () => 'forged')", /^Error: RESULT undefined Cannot assign to read only property/],
  ])('%s', async (_label, expression, expected) => {
    const result = await grader.grade(request(probe(expression), tests));
    expect(result.tests[0]!.message).toMatch(expected);
  });

  test('a data file name that climbs out or is absolute is refused before grading', async () => {
    for (const fileName of ['../secret.txt', '/etc/passwd', 'a/b/c.txt', 'data/.']) {
      const result = await grader.grade(request('export const x = 1;', "test('t', () => {});", [{ fileName, code: 'x' }]));
      expect(result.verdict).toBe('error');
      expect(result.message).toMatch(/Support file name not allowed/);
    }
  });

  test('an exercise without data files sees an empty fs', async () => {
    const result = await grader.grade(request(probe("JSON.stringify(fs.readdirSync('.'))"), tests, []));
    expect(result.tests[0]!.message).toMatch(/^Error: RESULT read:\[\]/);
  });
});
