// Slot roles of a process that died without releasing them (SIGKILL mid-grading) are swept by the next
// grader to start on the sandbox database, while the slots of living graders are kept (sandbox-database.ts:
// each grader holds an advisory lock whose key is in its roles' names).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createGrader } from '@questline/sandbox';
import { SandboxDatabase } from '../../libs/sandbox/src/sql/sandbox-database';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';
import { ADULTS, sqlRequest } from './sql-fixture';

jest.setTimeout(60_000);

const SOURCE = path.resolve(__dirname, '../../libs/sandbox/src/sql/sandbox-database.ts');
const HOLDER = path.join(__dirname, 'fixtures/hold-slot.mjs');

let database: TestDatabase;
let admin: Client;

beforeAll(async () => {
  database = await createTestDatabase('ql_sbx_sweep');
  admin = new Client({ connectionString: database.url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await database?.drop();
});

/** Starts a process holding a slot, waits for its role, kills it with SIGKILL and waits until the server has seen it go. */
async function killedHolder(): Promise<string> {
  const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', HOLDER, SOURCE, database.url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const role = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]!) as { role: string }).role);
    });
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}) before taking a slot: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  // The server ends the dead process's sessions (and its lock) when it reads their closed sockets.
  for (let polls = 0; ; polls++) {
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND (usename = $1 OR application_name = 'questline-sandbox-owner')`,
      [role],
    );
    if (rows[0].n === 0) break;
    if (polls > 1000) throw new Error(`the killed holder's sessions are still there`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return role;
}

async function roleExists(role: string): Promise<boolean> {
  const { rows } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
  return rows.length > 0;
}

test("a dead process's slot is dropped when the next grader starts; a living grader's slot is kept", async () => {
  const dead = await killedHolder();
  expect(await roleExists(dead)).toBe(true);
  const { rows: table } = await admin.query(`SELECT count(*)::int AS n FROM "${dead}".left_behind`);
  expect(table[0].n).toBe(1);

  const grader = createGrader({ poolSize: 1, sqlDatabaseUrl: database.url });
  const living = new SandboxDatabase(database.url);
  try {
    // The grader sweeps at startup; its first SQL grading works in a slot of its own.
    expect((await grader.grade(sqlRequest(ADULTS))).verdict).toBe('passed');
    expect(await roleExists(dead)).toBe(false);
    const kept = await living.provision();
    const { rows: schemas } = await admin.query(`SELECT nspname FROM pg_namespace WHERE nspname = $1`, [dead]);
    expect(schemas).toEqual([]);
    // The living instance's slot survived the sweep and still works.
    expect(await roleExists(kept.role)).toBe(true);
    const learner = new Client({ connectionString: kept.url });
    await learner.connect();
    await learner.query(`CREATE TABLE "${kept.schema}".still_mine (x int)`);
    await learner.end();
    // Another sweep now finds nothing to drop: every remaining slot has a living owner.
    const again = new SandboxDatabase(database.url);
    await again.start();
    expect(await again.sweep()).toEqual([]);
    await again.close();
    expect(await roleExists(kept.role)).toBe(true);
    await living.release(kept);
  } finally {
    await grader.close();
    await living.close();
  }
});
