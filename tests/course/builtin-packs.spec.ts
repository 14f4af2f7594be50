// The built-in course packs (exercises/*/pack.yaml) must stay valid and gradeable: every pack passes
// `pack validate`, and `pack test`'s rules hold for every exercise in the real sandbox (the reference
// solution passes all visible and hidden tests, the starter fails, each wrong/ solution fails).
// A failure lists each broken exercise with the reasons `questline pack test` would print. Every exercise's
// tests must also kill at least 90 % of the mutants of its reference solution (docs/authoring.md#mutation-testing).
import fs from 'node:fs';
import path from 'node:path';
import { findExerciseDirs, formatIssue, validatePack } from '@questline/exercise-format';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';

const EXERCISES = path.resolve(__dirname, '..', '..', 'exercises');
const PACKS = fs
  .readdirSync(EXERCISES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(EXERCISES, entry.name, 'pack.yaml')))
  .map((entry) => entry.name)
  .sort();

// The Databases chapter's SQL exercises grade in a sandbox database of this spec's own (docs/sql.md);
// `pack test` finds it in SANDBOX_DATABASE_URL, as the CLI does.
let sandboxDatabase: TestDatabase;
beforeAll(async () => {
  sandboxDatabase = await createTestDatabase('ql_sbx');
  process.env.SANDBOX_DATABASE_URL = sandboxDatabase.url;
});
afterAll(async () => {
  delete process.env.SANDBOX_DATABASE_URL;
  await sandboxDatabase?.drop();
});

it('finds the built-in packs', () => {
  expect(PACKS).toEqual(expect.arrayContaining(['backend-roadmap', 'getting-started']));
});

describe.each(PACKS)('built-in pack %s', (pack) => {
  const dir = path.join(EXERCISES, pack);

  it('is valid (pack validate reports no problems)', () => {
    expect(validatePack(dir).map(formatIssue)).toEqual([]);
  });

  it('passes pack test: solutions pass every test, starters and wrong/ solutions fail', async () => {
    const out = memoryOutput();
    const summary = await runPackTest(dir, { out });
    const failures = summary.exercises.filter((e) => !e.ok).map((e) => `${e.name}: ${e.problems.join(' | ')}`);
    expect(failures).toEqual([]);
    expect(summary.passed).toBe(findExerciseDirs(dir).length);
    expect(summary.passed).toBeGreaterThan(0);
    expect(out.lines.at(-1)).toBe(`${summary.passed} passed, 0 failed`);
  }, 300_000);

  it('mutation-tests its tests: every exercise scores at least 90 % (pack test --mutate --min-score 90)', async () => {
    const out = memoryOutput();
    const summary = await runPackTest(dir, { out, mutate: true, minScore: 90 });
    const below = summary
      .mutation!.exercises.filter((e) => e.score === null || e.score < 90)
      .map((e) => `${e.exercise}: ${e.score} % (${e.survivors.map((s) => `${s.id}: ${s.after}`).join(' | ')})`);
    expect(below).toEqual([]);
    expect(summary.mutation!.exercises).toHaveLength(findExerciseDirs(dir).length);
    const problems = summary.mutation!.exercises.flatMap((e) => e.problems.map((p) => `${e.exercise}: ${p}`));
    expect(problems).toEqual([]);
    expect(summary.failed).toBe(0);
  }, 600_000);
});
