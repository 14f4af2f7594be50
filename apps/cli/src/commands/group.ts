// Command groups (`pack`, `users`) are shared: several files add sub-commands to `pack`, so each
// asks for the group instead of creating it and whichever registers first makes it.
import type { Command } from 'commander';

export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((command) => command.name() === name);
  return existing ?? program.command(name).description(description);
}
