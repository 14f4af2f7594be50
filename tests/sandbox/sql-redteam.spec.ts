// Hostile SQL is a verdict, never an incident: each attack ends in an error or a limit, and the next
// grading in the same slot passes from the pristine data. The sandbox database here is a fresh database
// on the local server whose administrator is a superuser, as the embedded sandbox cluster's is.
import { Client } from 'pg';
import type { GradeResult } from '@questline/sandbox';
import { ADULTS, sqlRequest, startSqlSandbox, type SqlSandbox } from './sql-fixture';

let sandbox: SqlSandbox;
beforeAll(async () => {
  sandbox = await startSqlSandbox(1);
});
afterAll(() => sandbox?.close());

/** Runs the learner's SQL in a test that reports what PostgreSQL said; then proves the slot recovered. */
async function attack(sql: string, timeMs = 1500): Promise<{ result: GradeResult; message: string }> {
  const tests = `import { db } from '@questline/sql';
import query from './query.sql';
test('attack', async () => { await db.query(query); expect('the attack').toBe('refused'); });`;
  const started = Date.now();
  const result = await sandbox.grader.grade(sqlRequest(sql, tests, undefined, { timeMs }));
  // Bounded by the time limit plus the grader's margins, never by the attack.
  // (with room for a loaded machine: the attacks would run 30 s or forever)
  expect(Date.now() - started).toBeLessThan(timeMs + 6000);
  const recovered = await sandbox.grader.grade(sqlRequest(ADULTS));
  expect(recovered.verdict).toBe('passed');
  expect(result.verdict).not.toBe('passed');
  expect(result.verdict).not.toBe('sandbox_error');
  return { result, message: [result.message ?? '', ...result.tests.map((t) => t.message ?? '')].join('\n') };
}

describe('time: every runaway query is stopped at the time limit', () => {
  test.each([
    ['pg_sleep', 'SELECT pg_sleep(30);'],
    ['statement_timeout switched off first', 'SET statement_timeout = 0; SELECT pg_sleep(30);'],
    ['a recursive CTE without end', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;'],
    ['a huge cartesian join', 'SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b;'],
    ['a function that loops', 'DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;'],
  ])('%s', async (_name, sql) => {
    const { message } = await attack(sql);
    // A fast machine may fill the temp-file budget first (the recursive CTE spills): that is a limit too.
    expect(message).toMatch(/ran out of time|statement timeout|took longer than|temp_file_limit/);
  });
});

describe('size: results past the caps are refused, not held', () => {
  test('a generate_series bomb: materialised on disk, it stops at temp_file_limit', async () => {
    const { message } = await attack('SELECT count(*) FROM generate_series(1, 1e12::bigint);');
    expect(message).toContain('temporary file size exceeds temp_file_limit (16384kB)');
  });
  test('rows streamed back to the client stop at the row cap', async () => {
    const { message } = await attack('SELECT g FROM generate_series(1, 200000) g;');
    expect(message).toContain('The query returned more than 1000 rows.');
  });
  test('a sort that spills past temp_file_limit, which the learner cannot raise', async () => {
    const { message } = await attack("SET temp_file_limit = '10GB';");
    expect(message).toMatch(/permission denied to set parameter "temp_file_limit"/);
    const spill = await attack('SELECT count(*) FROM (SELECT md5(g::text) AS m FROM generate_series(1, 3000000) g ORDER BY 1) s;', 8000);
    expect(spill.message).toMatch(/temporary file size exceeds temp_file_limit|ran out of time/);
  });
  test('many statements in one submission', async () => {
    const { message } = await attack('SELECT 1 AS x;'.repeat(3000));
    expect(message).toContain('The query returned more than 1000 rows.');
  });
});

describe('privileges: the slot role reaches nothing but its own schema', () => {
  test.each([
    ['COPY TO PROGRAM', "COPY (SELECT 1) TO PROGRAM 'id';", /permission denied|must be superuser|pg_execute_server_program/],
    ['pg_read_file', "SELECT pg_read_file('/etc/passwd');", /permission denied/],
    ['lo_import', "SELECT lo_import('/etc/passwd');", /permission denied|must be superuser|pg_read_server_files/],
    ['dblink', 'CREATE EXTENSION dblink;', /permission denied|not available|must be (superuser|owner)/],
    ['SET ROLE', 'SET ROLE postgres;', /permission denied to set role/],
    ['SET SESSION AUTHORIZATION', 'SET SESSION AUTHORIZATION postgres;', /permission denied to set session authorization/],
    ['ALTER SYSTEM', "ALTER SYSTEM SET work_mem = '1GB';", /permission denied|must be superuser/],
    ['a table in public', 'CREATE TABLE public.planted (x int);', /permission denied for schema public/],
    ['a temporary table', 'CREATE TEMP TABLE t (x int);', /permission denied to create temporary tables/],
    ['a schema of its own', 'CREATE SCHEMA elsewhere;', /permission denied for database/],
    ['a new role', 'CREATE ROLE intruder;', /permission denied to create role/],
    ['another database', 'CREATE DATABASE other;', /permission denied to create database/],
  ])('%s', async (_name, sql, error) => {
    const { message } = await attack(sql);
    expect(message).toMatch(error);
  });

  test("another slot's schema is out of reach", async () => {
    const admin = new Client({ connectionString: sandbox.database.url });
    await admin.connect();
    try {
      await admin.query('CREATE ROLE qlsbx_other_slot; CREATE SCHEMA qlsbx_other_slot AUTHORIZATION qlsbx_other_slot;');
      await admin.query("CREATE TABLE qlsbx_other_slot.secrets (s text); INSERT INTO qlsbx_other_slot.secrets VALUES ('x');");
      const { message } = await attack('SELECT * FROM qlsbx_other_slot.secrets;');
      expect(message).toContain('permission denied for schema qlsbx_other_slot');
      const drop = await attack('DROP TABLE qlsbx_other_slot.secrets;');
      expect(drop.message).toMatch(/permission denied|must be owner/);
      expect((await admin.query('SELECT count(*)::int AS n FROM qlsbx_other_slot.secrets')).rows[0]).toEqual({ n: 1 });
    } finally {
      await admin.query('DROP SCHEMA qlsbx_other_slot CASCADE; DROP ROLE qlsbx_other_slot;').catch(() => {});
      await admin.end();
    }
  });
});

describe('state: nothing a grading does outlives it', () => {
  test('a lock wait between two sessions ends at lock_timeout with a clear error', async () => {
    const tests = `import { db } from '@questline/sql';
test('deadlock-ish', async () => {
  const other = await db.session();
  await db.query('BEGIN; LOCK TABLE people IN ACCESS EXCLUSIVE MODE;');
  await other.query('SELECT * FROM people');
});`;
    const result = await sandbox.grader.grade(sqlRequest('SELECT 1;', tests));
    expect(result.tests[0]!.message).toContain('canceling statement due to lock timeout');
    expect((await sandbox.grader.grade(sqlRequest(ADULTS))).verdict).toBe('passed');
  });

  test('a transaction left open, a COMMIT, settings, a new password and role defaults are all undone', async () => {
    await attack(
      "BEGIN; DELETE FROM people; COMMIT; ALTER ROLE current_user SET search_path = nowhere; ALTER ROLE current_user PASSWORD 'mine'; SET search_path = nowhere; BEGIN; LOCK TABLE people;",
    );
    // The recovery grading inside attack() saw all four seed rows; check a fresh connection too.
    expect((await sandbox.grader.grade(sqlRequest(ADULTS))).verdict).toBe('passed');
  });

  test('LISTEN / NOTIFY floods go nowhere', async () => {
    const { message } = await attack("LISTEN c; SELECT count(pg_notify('c', repeat('x', 7000))) FROM generate_series(1, 200000);");
    expect(message).toMatch(/ran out of time|too many notifications|toBe|the attack/);
  });

  test('large objects are dropped with the slot', async () => {
    await attack("SELECT lo_from_bytea(0, repeat('x', 1000000)::bytea);");
    const admin = new Client({ connectionString: sandbox.database.url });
    await admin.connect();
    try {
      expect((await admin.query('SELECT count(*)::int AS n FROM pg_largeobject_metadata')).rows[0]).toEqual({ n: 0 });
    } finally {
      await admin.end();
    }
  });
});
