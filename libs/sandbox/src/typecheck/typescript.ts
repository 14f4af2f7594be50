// The TypeScript compiler, loaded on first use: it is ~9 MB of JavaScript (0.2-1.2 s to load on a busy
// 2-core machine), and a sandbox child must be ready for JavaScript gradings before it is loaded
// (see warmTypecheckSteps and child/main.ts).
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy (see above)
  return (loaded ??= require('typescript') as typeof TS);
}
