// The type-checker process (dist/sandbox/typecheck.js), forked by the grader with an empty environment
// and only an IPC channel, like a sandbox child. It loads the compiler and parses the standard library
// once, says `ready`, then checks one grading at a time. The parent (checker-process.ts) holds the
// wall-clock watchdog and the RSS ceiling: a type that keeps the compiler busy, or makes it allocate
// without end, gets this process killed and replaced, and the grading a limit verdict.
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { typecheck, warmTypecheckSteps } from './checker';
import type { CheckerMessage, CheckRequestMessage } from './checker-protocol';

function send(message: CheckerMessage): void {
  process.send?.(message);
}

function main(): void {
  // V8's code cache for the compiler's 9 MB of JavaScript, shared by the checker processes on the
  // machine: loading it goes from ~1 s to 0.2-0.4 s (measured on a busy 2-core VM).
  module.enableCompileCache?.(path.join(os.tmpdir(), 'questline-sandbox-compile-cache'));
  const warm = warmTypecheckSteps();
  while (!warm.next().done) {
    // each step parses one library file
  }
  process.on('message', (message: CheckRequestMessage) => {
    if (message?.type !== 'check') return;
    const { solution, tests, options, budgetMs } = message;
    const outcome = typecheck({ solution, tests, options, deadline: Date.now() + budgetMs });
    send({ type: 'checked', id: message.id, outcome });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main();
