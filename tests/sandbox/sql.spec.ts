// SQL exercises graded for real: the learner's SQL in a scratch schema of the sandbox PostgreSQL,
// ordinary Jest tests reaching it through `db`, result tables in the failure messages.
import { Client } from 'pg';
import { createGrader } from '@questline/sandbox';
import { ADULTS, ADULTS_TEST, PEOPLE_SCHEMA, sqlRequest, startSqlSandbox, type SqlSandbox } from './sql-fixture';

let sandbox: SqlSandbox;
beforeAll(async () => {
  sandbox = await startSqlSandbox(2);
});
afterAll(() => sandbox?.close());

const grade = (...args: Parameters<typeof sqlRequest>) => sandbox.grader.grade(sqlRequest(...args));

test('the right query passes; a wrong one fails with the expected and received tables', async () => {
  expect((await grade(ADULTS)).verdict).toBe('passed');
  const wrong = await grade('SELECT id, name FROM people ORDER BY id;');
  expect(wrong.verdict).toBe('failed');
  expect(wrong.tests[0]).toMatchObject({ status: 'fail' });
  expect(wrong.tests[0]!.message).toContain('Expected 2 rows, received 4.');
  expect(wrong.tests[0]!.message).toContain(' id | name\n----+------\n 1  | Ada\n 4  | Di\n(2 rows)');
  expect(wrong.tests[0]!.message).toMatch(/Received:\n id \| name\n[^]* 2 {2}\| Bob/);
});

test('rows in the wrong order are named as such, and ordered: false compares sets', async () => {
  const reversed = await grade('SELECT id, name FROM people WHERE age >= 18 ORDER BY id DESC;');
  expect(reversed.tests[0]!.message).toContain('The rows are right but in the wrong order (check ORDER BY).');
  const anyOrder = ADULTS_TEST.replace("{ id: 4, name: 'Di' }]", "{ id: 4, name: 'Di' }], { ordered: false }").replace(
    "[{ id: 1, name: 'Ada' }, { id: 4, name: 'Di' }]",
    "[{ id: 4, name: 'Di' }, { id: 1, name: 'Ada' }]",
  );
  expect((await grade('SELECT id, name FROM people WHERE age >= 18;', anyOrder)).verdict).toBe('passed');
});

test('an SQL error is the test error PostgreSQL gives, with its position', async () => {
  const result = await grade('SELECT id, name FORM people;');
  expect(result.verdict).toBe('failed');
  expect(result.tests[0]).toMatchObject({ status: 'error' });
  expect(result.tests[0]!.message).toContain('SqlError: syntax error at or near "people"');
});

test('every grading starts from the pristine data, whatever the previous one changed', async () => {
  const changes = "DELETE FROM people WHERE id = 4; INSERT INTO people VALUES (5, 'Eve', 40); CREATE TABLE leftovers (x int);";
  const check = `import { db, expectRows } from '@questline/sql';
import query from './query.sql';
test('sees the seed', async () => {
  expectRows(await db.query('SELECT id FROM people ORDER BY id'), [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
  expectRows(await db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'leftovers'"), [{ n: 0 }]);
  await db.query(query);
});
test('changes applied', async () => {
  expectRows(await db.query('SELECT id FROM people ORDER BY id'), [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 5 }]);
});`;
  for (let i = 0; i < 3; i++) expect((await grade(changes, check)).verdict).toBe('passed');
});

test('explain() gives the plan: a Seq Scan until the learner adds the index', async () => {
  const setup = `CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL, total numeric NOT NULL);
INSERT INTO orders (customer_id, total) SELECT g % 500, g FROM generate_series(1, 20000) g; ANALYZE orders;`;
  const tests = `import { db } from '@questline/sql';
import ddl from './query.sql';
test('an index scan', async () => {
  await db.query(ddl);
  const plan = await db.explain('SELECT * FROM orders WHERE customer_id = 42');
  if (!plan.usesIndexOn('orders')) throw new Error('Expected an index on orders, got:\\n' + plan.text);
  expect(plan.uses('Seq Scan')).toBe(false);
});`;
  const without = await grade('ANALYZE orders;', tests, setup);
  expect(without.tests[0]!.message).toContain('Seq Scan on orders');
  expect((await grade('CREATE INDEX ON orders (customer_id); ANALYZE orders;', tests, setup)).verdict).toBe('passed');
});

test('two sessions see each other only through commits', async () => {
  const tests = `import { db, expectRows } from '@questline/sql';
test('isolation', async () => {
  const other = await db.session();
  await db.query('BEGIN; UPDATE people SET age = 1 WHERE id = 1;');
  expectRows(await other.query('SELECT age FROM people WHERE id = 1'), [{ age: 36 }]);
  await db.query('COMMIT');
  expectRows(await other.query('SELECT age FROM people WHERE id = 1'), [{ age: 1 }]);
});`;
  expect((await grade('SELECT 1;', tests)).verdict).toBe('passed');
});

test('JavaScript learners get the same handle through their tests (an N+1 counted)', async () => {
  // A JavaScript exercise with a database: the learner's module receives db from the test.
  const result = await sandbox.grader.grade({
    language: 'javascript',
    solution: {
      fileName: 'load.js',
      code: 'export async function load(db) { return (await db.query("SELECT name FROM people ORDER BY id")).rows.map((r) => r.name); }',
    },
    tests: [
      {
        fileName: 'load.test.js',
        hidden: false,
        code: `import { db } from '@questline/sql';
import { load } from './load';
test('loads with one query', async () => {
  let calls = 0;
  const counting = { query: (sql, params) => { calls++; return db.query(sql, params); } };
  expect(await load(counting)).toEqual(['Ada', 'Bob', 'Cy', 'Di']);
  expect(calls).toBe(1);
});`,
      },
    ],
    database: { setup: PEOPLE_SCHEMA },
  });
  expect(result.verdict).toBe('passed');
});

test('without a sandbox database an SQL grading is a sandbox_error that says why', async () => {
  const grader = createGrader({ poolSize: 1 });
  try {
    const result = await grader.grade(sqlRequest(ADULTS));
    expect(result).toMatchObject({ verdict: 'sandbox_error' });
    expect(result.message).toContain('SANDBOX_DATABASE_URL');
  } finally {
    await grader.close();
  }
});

test('a broken schema.sql is an error naming the setup', async () => {
  const result = await grade(ADULTS, ADULTS_TEST, 'CREATE TABLE people (id int PRIMARY KEY;');
  expect(result.verdict).toBe('error');
  expect(result.message).toContain("The exercise's database setup (schema.sql) failed: syntax error");
});

test('the slots are dropped when the grader closes', async () => {
  const before = await grade(ADULTS);
  expect(before.verdict).toBe('passed');
  const admin = new Client({ connectionString: sandbox.database.url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'qlsbx\\_${process.pid}\\_%'`,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    await sandbox.grader.close();
    const after = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'qlsbx\\_${process.pid}\\_%'`,
    );
    expect(after.rows[0]!.n).toBe(0);
  } finally {
    await admin.end();
  }
});
