import type { Command } from 'commander';
import { loadGradeLimitDefaults } from '@questline/config';
import { importExercism } from '../exercism/import';
import { measureTimeBudgets } from '../exercism/time-budget';
import { defaultGraderFactory } from '../grader';
import { consoleOutput } from '../output';
import { runPackTest } from '../pack-test';
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
    .action(async (dir: string) => {
      const summary = await runPackTest(dir, { out: consoleOutput });
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
