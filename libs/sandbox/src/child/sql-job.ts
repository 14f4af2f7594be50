// Wiring SQL grading into an isolate: the learner's .sql file as a module whose default export is its
// text, and the `@questline/sql` module (dist/sandbox/sql-module.js) with its bridge to this job's
// database session installed before any test or learner code exists.
import fs from 'node:fs';
import path from 'node:path';
import ivm from 'isolated-vm';
import { SqlJob } from './sql-session';
import type { TransformOutcome } from './transform';

export { SqlJob };

/** What test files import the `db` handle from. */
export const SQL_MODULE = '@questline/sql';
const SQL_MODULE_FILE = 'sql-module.js';

let source: string | undefined;

/** `import query from './query.sql'` gives the learner's SQL text. */
export function sqlFileModule(code: string): TransformOutcome {
  return { ok: true, code: `export default ${JSON.stringify(code)};` };
}

/** Compiles, instantiates and evaluates the module, then hands it the bridge to `job`. Synchronous: only our code runs. */
export function loadSqlModule(isolate: ivm.Isolate, context: ivm.Context, job: SqlJob): ivm.Module {
  source ??= fs.readFileSync(path.join(__dirname, SQL_MODULE_FILE), 'utf8');
  const module = isolate.compileModuleSync(source, { filename: SQL_MODULE });
  module.instantiateSync(context, () => {
    throw new Error('the sql module imports nothing');
  });
  module.evaluateSync({ timeout: 1000 });
  const install = module.namespace.getSync('install', { reference: true }) as ivm.Reference<(bridge: unknown) => void>;
  const bridge = new ivm.Reference((requestJson: unknown) => job.handle(String(requestJson)));
  install.applySync(undefined, [bridge], { timeout: 1000 });
  return module;
}
