// The CLI against the real sandbox: the built-in pack and the Exercism sample grade green, and
// `grade` reports pass/fail with the right exit code and JSON.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GradeResult } from '@questline/sandbox';
import { importExercism } from '../../apps/cli/src/exercism/import';
import { runGrade } from '../../apps/cli/src/grade-report';
import { memoryOutput } from '../../apps/cli/src/output';
import { runPackTest } from '../../apps/cli/src/pack-test';
import { ROOT, tempDir } from './helpers';

const PACK = path.join(ROOT, 'exercises/getting-started');
const TWO_FER = path.join(PACK, 'first-steps/two-fer');

describe('pack test with the real sandbox', () => {
  it('passes every exercise of the getting-started pack', async () => {
    const out = memoryOutput();
    const summary = await runPackTest(PACK, { out });
    expect(summary.exercises.filter((e) => !e.ok)).toEqual([]);
    expect(summary.passed).toBe(4);
    expect(out.lines.at(-1)).toBe('4 passed, 0 failed');
  }, 120_000);

  it('grades an imported Exercism track green, running xtest tests too', async () => {
    const dir = tempDir('exercism-grade');
    try {
      const out = path.join(dir, 'pack');
      importExercism(path.join(ROOT, 'tests/fixtures/exercism-sample/exercises'), out, { out: memoryOutput() });
      const log = memoryOutput();
      const summary = await runPackTest(out, { out: log });
      expect(summary.exercises.filter((e) => !e.ok)).toEqual([]);
      expect(log.lines.at(-1)).toBe('4 passed, 0 failed');

      const json = memoryOutput();
      const leap = path.join(out, 'practice/leap');
      const { result } = await runGrade(leap, path.join(leap, 'solution/leap.js'), { json: true, out: json });
      expect(result?.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('grade', () => {
  it('prints the GradeResult as JSON, hidden tests after visible ones, and exits 0 on a pass', async () => {
    const out = memoryOutput();
    const outcome = await runGrade(TWO_FER, path.join(TWO_FER, 'solution/two-fer.js'), { hidden: true, json: true, out });
    expect(outcome.exitCode).toBe(0);
    const printed = JSON.parse(out.text()) as GradeResult;
    expect(printed).toEqual(outcome.result);
    expect(printed).toMatchObject({ status: 'pass', verdict: 'passed' });
    expect(printed.tests.map((t) => [t.name, Boolean(t.hidden)])).toEqual([
      ['twoFer > a name given', false],
      ['twoFer > another name given', false],
      ['twoFer > no name given', false],
      ['twoFer (hidden) > a name with spaces is used as it is', true],
      ['twoFer (hidden) > the name is not always Alice', true],
    ]);
  }, 60_000);

  it('prints a readable report and exits 1 when a test fails', async () => {
    const out = memoryOutput();
    const outcome = await runGrade(TWO_FER, path.join(TWO_FER, 'wrong/forgets-default.js'), { out });
    expect(outcome.exitCode).toBe(1);
    expect(out.lines).toContainEqual(expect.stringMatching(/^  ✗ twoFer > no name given \(\d+ ms\)$/));
    expect(out.lines).toContainEqual(expect.stringMatching(/^  ✓ twoFer > a name given \(\d+ ms\)$/));
    expect(out.text()).toContain('One for undefined, one for me.');
    expect(out.lines.at(-1)).toMatch(/^FAILED \(failed\): 2 passed, 1 failed of 3 tests in \d+ ms$/);
  }, 60_000);

  it('reports format problems instead of grading', async () => {
    const out = memoryOutput();
    const outcome = await runGrade(path.join(PACK, 'first-steps'), path.join(TWO_FER, 'solution/two-fer.js'), { out });
    expect(outcome).toEqual({ exitCode: 1 });
    expect(out.lines[0]).toMatch(/first-steps\/exercise\.yaml: is missing$/);
  });
});

describe('bin/questline.js', () => {
  it('builds when needed and runs grade --json with the exit code', async () => {
    const run = promisify(execFile);
    const bin = path.join(ROOT, 'bin/questline.js');
    const pass = await run(process.execPath, [bin, 'grade', TWO_FER, path.join(TWO_FER, 'solution/two-fer.js'), '--json'], { cwd: ROOT });
    expect(JSON.parse(pass.stdout)).toMatchObject({ status: 'pass' });
    await expect(
      run(process.execPath, [bin, 'grade', TWO_FER, path.join(TWO_FER, 'starter/two-fer.js')], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('Write your twoFer function here!') });
  }, 300_000);
});
