// The whole command tree, built without parsing so tests can inspect or drive it.
import { Command } from 'commander';
import { register as registerGrade } from './commands/grade';
import { register as registerPack } from './commands/pack';
import { register as registerPublish } from './commands/publish';
import { register as registerUsers } from './commands/users';

export function buildProgram(): Command {
  const program = new Command('questline')
    .description('Questline command line: grade solutions, check and convert exercise packs, manage a server')
    .showHelpAfterError();
  registerGrade(program);
  registerPack(program); // before publish: `pack publish` joins the same group
  registerPublish(program);
  registerUsers(program);
  return program;
}
