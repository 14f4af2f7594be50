import type { Command } from 'commander';
import { runGrade } from '../grade-report';
import { consoleOutput } from '../output';

export function register(program: Command): void {
  program
    .command('grade')
    .description('Grade a solution file against an exercise, exactly as the server does')
    .argument('<exercise-dir>', 'exercise folder (with exercise.yaml)')
    .argument('<solution-file>', "file to grade as the learner's file")
    .option('--hidden', 'also run the hidden tests (as on Submit)')
    .option('--json', 'print the GradeResult as JSON')
    .action(async (exerciseDir: string, solutionFile: string, opts: { hidden?: boolean; json?: boolean }) => {
      const { exitCode } = await runGrade(exerciseDir, solutionFile, { ...opts, out: consoleOutput });
      process.exitCode = exitCode;
    });
}
