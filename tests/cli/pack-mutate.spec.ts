// `questline pack test --mutate` in the real sandbox, on tests/fixtures/weak-tests-pack: can-vote's tests
// never check the age of 18, so the off-by-one mutants survive and are reported as diffs; clamp's tests
// kill every mutant but two that exercise.yaml marks equivalent.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PackTestReport } from '@questline/contracts';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { ROOT, tempDir } from './helpers';

const PACK = path.join(ROOT, 'tests/fixtures/weak-tests-pack');

describe('pack test --mutate', () => {
  it('reports the weak test as survivors with a readable diff, and --min-score fails only that exercise', async () => {
    const out = memoryOutput();
    const summary = await runPackTest(PACK, { out, mutate: true, minScore: 90 });
    const text = out.text();
    expect(text).toContain('mutation score 50.0 % (2/4 mutants killed)');
    expect(text).toContain('survived 3:14 boundary: your tests still pass when line 3 says `>` instead of `>=`');
    expect(text).toContain('3 - return age >= 18;\n          + return age > 18;');
    expect(text).toContain('mutation score 50.0 % is below --min-score 90');
    expect(text).toContain('mutation score 100.0 % (9/9 mutants killed; 2 equivalent)');
    expect(out.lines.at(-1)).toBe('1 passed, 1 failed');

    expect(summary.exercises.map((e) => [e.name, e.ok])).toEqual([
      ['basics/can-vote', false],
      ['basics/clamp', true],
    ]);
    const run = summary.mutation!;
    expect(run).toMatchObject({ mutants: 15, killed: 11, survived: 2, lowestScore: 50, minScore: 90, ok: false });
    const canVote = run.exercises.find((e) => e.exercise === 'basics/can-vote')!;
    expect(canVote.survivors.map((s) => [s.id, s.before, s.after])).toEqual([
      ['3:14 boundary', 'return age >= 18;', 'return age > 18;'],
      ['3:17 number', 'return age >= 18;', 'return age >= 19;'],
    ]);
    expect(run.mutantsPerSecond).toBeGreaterThan(0);
  }, 120_000);

  it('without --min-score the same run passes; a stale equivalent entry is reported', async () => {
    const dir = tempDir('mutate');
    fs.cpSync(PACK, dir, { recursive: true });
    const manifest = path.join(dir, 'basics/clamp/exercise.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"3:13 boundary"', '"9:9 boundary"'));
    const out = memoryOutput();
    const summary = await runPackTest(path.join(dir, 'basics/clamp'), { out, mutate: true });
    expect(summary).toMatchObject({ passed: 1, failed: 0, mutation: { ok: true, survived: 1 } });
    expect(out.text()).toContain('exercise.yaml marks "9:9 boundary" as equivalent, but the solution has no such mutant any more');
    expect(out.text()).toContain('survived 3:13 boundary');
  }, 120_000);

  it('bin/questline.js: --json on stdout, exit 1 under --min-score and 0 without it', async () => {
    const run = promisify(execFile);
    const bin = path.join(ROOT, 'bin/questline.js');
    const failing = await run(process.execPath, [bin, 'pack', 'test', PACK, '--mutate', '--min-score', '90', '--json'], {
      cwd: ROOT,
    }).catch((error: { code: number; stdout: string }) => error);
    expect(failing).toMatchObject({ code: 1 });
    const report = JSON.parse(failing.stdout) as PackTestReport;
    expect(report.failed).toBe(1);
    expect(report.mutation).toMatchObject({ ok: false, lowestScore: 50 });
    expect(report.exercises[0]).toEqual({
      name: 'basics/can-vote',
      ok: false,
      problems: ['mutation score 50.0 % is below --min-score 90'],
    });

    const passing = await run(process.execPath, [bin, 'pack', 'test', path.join(PACK, 'basics/clamp'), '--mutate', '--min-score', '90'], {
      cwd: ROOT,
    });
    expect(passing.stdout).toContain('mutation score 100.0 %');
    await expect(run(process.execPath, [bin, 'pack', 'test', PACK, '--min-score', '90'], { cwd: ROOT })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--min-score needs --mutate'),
    });
  }, 300_000);
});
