// SQL gradings for the sandbox specs: a sandbox database of the spec's own on the local server (the
// administrator is the test server's superuser, as the embedded sandbox cluster's is under npm start).
import { createGrader, type GradeRequest, type Grader } from '@questline/sandbox';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';

export const PEOPLE_SCHEMA = `CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, age int);
INSERT INTO people VALUES (1, 'Ada', 36), (2, 'Bob', 12), (3, 'Cy', NULL), (4, 'Di', 70);`;

export const ADULTS = 'SELECT id, name FROM people WHERE age >= 18 ORDER BY id;';

export const ADULTS_TEST = `import { db, expectRows } from '@questline/sql';
import query from './query.sql';

test('returns the adults by id', async () => {
  expectRows(await db.query(query), [{ id: 1, name: 'Ada' }, { id: 4, name: 'Di' }]);
});
`;

/** The learner's `sql` graded by `tests` (default: the adults query's test) against `setup`. */
export function sqlRequest(
  sql: string,
  tests = ADULTS_TEST,
  setup = PEOPLE_SCHEMA,
  limits: GradeRequest['limits'] = { timeMs: 1500 },
): GradeRequest {
  return {
    language: 'sql',
    solution: { fileName: 'query.sql', code: sql },
    tests: [{ fileName: 'query.test.js', code: tests, hidden: false }],
    database: { setup },
    limits,
  };
}

export interface SqlSandbox {
  grader: Grader;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startSqlSandbox(poolSize = 1): Promise<SqlSandbox> {
  const database = await createTestDatabase('ql_sbx');
  const grader = createGrader({ poolSize, sqlDatabaseUrl: database.url });
  return {
    grader,
    database,
    close: async () => {
      await grader.close();
      await database.drop();
    },
  };
}
