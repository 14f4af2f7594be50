// Placeholder: the `pack publish` command is written by another engineer and replaces this file.
import type { Command } from 'commander';
import { commandGroup } from './group';

export function register(program: Command): void {
  commandGroup(program, 'pack', 'Check, test and convert exercise packs')
    .command('publish')
    .description('Upload a pack to a Questline server (not available yet)')
    .argument('[dir]', 'pack folder')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('pack publish: not available yet\n');
      process.exitCode = 1;
    });
}
