import { InvalidArgumentError, type Command } from 'commander';
import { loadGradeLimitDefaults } from '@questline/config';
import { importExercism } from '../exercism/import';
import { measureTimeBudgets } from '../exercism/time-budget';
import { defaultGraderFactory } from '../grader';
import { consoleOutput, type Output } from '../output';
import { packTestReport, runPackTest } from '../pack-test';
import { runPackValidate } from '../pack-validate';
import { commandGroup } from './group';

export function register(program: Command): void {
  const pack = commandGroup(program, 'pack', 'Check, test and convert exercise packs');

  pack
    .command('validate')
    .description('Check the structure and schema of a pack (or one exercise folder)')
    .argument('<dir>', 'pack folder')
    .action((dir: string) => {
      const { issues } = runPackValidate(dir, { out: consoleOutput });
      process.exitCode = issues.length > 0 ? 1 : 0;
    });

  pack
    .command('test')
    .description('Grade every exercise below <dir>: solutions must pass, starters and wrong/ files must fail')
    .argument('<dir>', 'pack root, chapter or exercise folder')
    .option('--mutate', 'also mutation-test the tests: every mutant of each reference solution must fail them')
    .option('--min-score <percent>', 'with --mutate: fail when an exercise scores below this', parsePercent)
    .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
    .action(async (dir: string, opts: { mutate?: boolean; minScore?: number; json?: boolean }) => {
      if (opts.minScore !== undefined && !opts.mutate) throw new InvalidArgumentError('--min-score needs --mutate');
      // With --json, stdout carries only the JSON document.
      const out: Output = opts.json ? { ...consoleOutput, log: (line) => consoleOutput.error(line), color: false } : consoleOutput;
      const summary = await runPackTest(dir, { out, mutate: opts.mutate, minScore: opts.minScore });
      if (opts.json) process.stdout.write(`${JSON.stringify(packTestReport(summary), null, 2)}\n`);
      process.exitCode = summary.failed > 0 || summary.exercises.length === 0 ? 1 : 0;
    });

  pack
    .command('import-exercism')
    .description('Convert an Exercism JavaScript or TypeScript track into a Questline pack')
    .argument('<exercises-dir>', "the track's exercises/ folder (with concept/ and practice/)")
    .requiredOption('--out <pack-dir>', 'folder to write the pack into')
    .option('--slug <slug>', 'pack slug (default: exercism-<track>)')
    .option('--force', 'write into a folder that already holds a pack')
    .option('--no-measure', "do not grade the reference solutions to set time budgets (5x the reference's time)")
    .action(async (source: string, opts: { out: string; slug?: string; force?: boolean; measure: boolean }) => {
      const summary = importExercism(source, opts.out, { out: consoleOutput, slug: opts.slug, force: opts.force });
      process.exitCode = summary.imported.length === 0 || summary.invalid.length > 0 ? 1 : 0;
      if (!opts.measure || summary.imported.length === 0 || summary.invalid.length > 0) return;
      const grader = defaultGraderFactory({ poolSize: 1 });
      try {
        await measureTimeBudgets(opts.out, grader, loadGradeLimitDefaults(), consoleOutput);
      } finally {
        await grader.close();
      }
    });
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('must be a number from 0 to 100');
  return n;
}
