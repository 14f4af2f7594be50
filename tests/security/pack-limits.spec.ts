// Issue 12 items 3 and 4 (YAML): size limits on every pack text field and file, YAML alias and depth
// limits, each refused with a 422 report naming the file and field; course lists carry summaries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { UserRole } from '@questline/data';
import { startApi, type TestApi } from '../fixtures/api';
import { bearer, createUserWithRole, registerUser, type TestUser } from '../fixtures/users';
import { tarball, writePack } from '../packs/pack-fixture';

jest.setTimeout(60_000);

const longDescription = `${'A long introduction. '.repeat(90)}The end.`;
const builtIns = fs.mkdtempSync(path.join(os.tmpdir(), 'ql-sec-limits-'));
writePack(
  { slug: 'wordy', description: longDescription, chapters: [{ slug: 'one', exercises: [{ slug: 'alpha' }] }] },
  path.join(builtIns, 'wordy'),
);

let api: TestApi;
let owner: TestUser;

beforeAll(async () => {
  process.env.EXERCISES_DIR = builtIns;
  api = await startApi();
  owner = await createUserWithRole(api, UserRole.Instructor);
});
afterAll(async () => {
  await api?.close();
  fs.rmSync(builtIns, { recursive: true, force: true });
});

const upload = (archive: Buffer) =>
  request(api.url)
    .post('/api/packs')
    .set('Authorization', bearer(owner))
    .attach('pack', archive, { filename: 'pack.tar.gz', contentType: 'application/gzip' });

const onePack = (slug: string) => writePack({ slug, chapters: [{ slug: 'basics', exercises: [{ slug: 'one' }] }] });

describe('size limits', () => {
  it('refuses a small archive carrying a 3 MB description and a 12 MB README (422, each named)', async () => {
    const dir = onePack('bloated');
    const yaml = fs.readFileSync(path.join(dir, 'pack.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'pack.yaml'), yaml.replace(/^description: .*$/m, `description: ${'x'.repeat(3 * 1024 * 1024)}`));
    fs.writeFileSync(path.join(dir, 'basics/one/README.md'), `# One\n\n${'y'.repeat(12 * 1024 * 1024)}`);
    const archive = await tarball(dir);
    expect(archive.length).toBeLessThan(64 * 1024);
    const res = await upload(archive).expect(422);
    expect(res.body).toMatchObject({ code: 'PACK_INVALID' });
    expect(res.body.report).toEqual(
      expect.arrayContaining([
        { exercise: null, file: 'pack.yaml', message: 'is 3.0 MB; at most 64 KB' },
        { exercise: 'one', file: 'basics/one/README.md', message: 'is 12.0 MB; at most 64 KB' },
      ]),
    );
  });

  it('names the field of an over-long text (422)', async () => {
    const dir = onePack('long-title');
    const file = path.join(dir, 'basics/one/exercise.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${'T'.repeat(500)}`));
    const res = await upload(await tarball(dir)).expect(422);
    expect(res.body.report).toEqual([
      { exercise: 'one', file: 'basics/one/exercise.yaml', field: 'title', message: 'must be at most 120 characters (this one has 500)' },
    ]);
  });

  it('course lists carry a summary; the course page the full description', async () => {
    const learner = await registerUser(api);
    const list = await request(api.url).get('/api/courses').set('Authorization', bearer(learner)).expect(200);
    const listed = (list.body as Array<{ slug: string; description: string }>).find((c) => c.slug === 'wordy');
    expect(listed?.description.length).toBeLessThanOrEqual(200);
    expect(listed?.description).toMatch(/^A long introduction\. .*…$/);
    const course = await request(api.url).get('/api/courses/wordy').set('Authorization', bearer(learner)).expect(200);
    expect(course.body.description).toBe(longDescription);
  });
});

describe('YAML limits', () => {
  it('refuses an alias bomb in pack.yaml with the file and field (422), quickly', async () => {
    const dir = onePack('bomb');
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    fs.appendFileSync(path.join(dir, 'pack.yaml'), `${levels.join('\n')}\n`);
    const started = performance.now();
    const res = await upload(await tarball(dir)).expect(422);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(res.body.report).toEqual([
      { exercise: null, file: 'pack.yaml', field: expect.stringMatching(/^[a-j]\[\d\]$/), message: expect.stringMatching(/YAML aliases/) },
    ]);
  });

  it('refuses deep nesting in exercise.yaml with the file and field (422)', async () => {
    const dir = onePack('deep');
    fs.appendFileSync(path.join(dir, 'basics/one/exercise.yaml'), `limits: ${'{a: '.repeat(50)}1${'}'.repeat(50)}\n`);
    const res = await upload(await tarball(dir)).expect(422);
    expect(res.body.report).toEqual([
      {
        exercise: 'one',
        file: 'basics/one/exercise.yaml',
        field: `limits${'.a'.repeat(16)}`,
        message: 'is nested more than 16 levels deep',
      },
    ]);
  });
});
