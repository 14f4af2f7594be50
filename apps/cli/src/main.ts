#!/usr/bin/env node
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`questline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
