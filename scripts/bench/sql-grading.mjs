// The SQL row of `npm run bench:sandbox` (docs/sql.md): a warm SQL grading in the sandbox PostgreSQL
// named by SANDBOX_DATABASE_URL, timed like the JavaScript one. Each grading includes what a learner's
// costs: the schema.sql setup in the slot's empty schema, 5 tests with 6 queries, and the slot's reset
// after it (before the next grading can start).
const SETUP = `CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), total numeric(8, 2) NOT NULL);
INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', NULL);
INSERT INTO orders VALUES (10, 1, 120), (11, 1, 30), (12, 2, 75.5), (13, 3, 12);`;

const TESTS = `import { db, expectRows } from '@questline/sql';
import query from './query.sql';
test('spent per customer', async () => {
  expectRows(await db.query(query), [{ name: 'Ada', spent: 150 }, { name: 'Grace', spent: 75.5 }, { name: 'Linus', spent: 12 }]);
});
test('counts', async () => { expectRows(await db.query('SELECT count(*) AS n FROM orders'), [{ n: 4 }]); });
test('nulls', async () => { expectRows(await db.query('SELECT name FROM customers WHERE city IS NULL'), [{ name: 'Linus' }]); });
test('a change', async () => {
  await db.query('UPDATE orders SET total = total + 1 WHERE id = 13');
  expectRows(await db.query('SELECT total FROM orders WHERE id = 13'), [{ total: 13 }]);
});
test('a plan', async () => { expect((await db.explain(query)).nodes.length).toBeGreaterThan(0); });
`;

export const sqlRequest = {
  language: 'sql',
  solution: {
    fileName: 'query.sql',
    code: 'SELECT c.name, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name ORDER BY c.name;',
  },
  tests: [{ fileName: 'query.test.js', hidden: false, code: TESTS }],
  database: { setup: SETUP },
};

/** Median and p99 of `runs` SQL gradings (after 30 warm-up ones); `gapMs` idle between them. */
export async function sqlLatency(createGrader, stats, databaseUrl, { gapMs = 0, runs = 200 } = {}) {
  const grader = createGrader({ poolSize: 1, sqlDatabaseUrl: databaseUrl });
  try {
    const first = await grader.grade(sqlRequest);
    if (first.verdict !== 'passed') throw new Error(`SQL benchmark exercise did not pass: ${JSON.stringify(first).slice(0, 2000)}`);
    for (let i = 0; i < 30; i++) await grader.grade(sqlRequest);
    const samples = [];
    for (let i = 0; i < runs; i++) {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const started = performance.now();
      const result = await grader.grade(sqlRequest);
      samples.push(performance.now() - started);
      if (result.verdict !== 'passed') throw new Error('SQL grading failed during the benchmark');
    }
    return stats(samples);
  } finally {
    await grader.close();
  }
}
