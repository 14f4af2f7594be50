// SQL exercises along the worker's path: the built-in pack imported into PostgreSQL keeps each exercise's
// schema.sql, the grading repository hands it back, and the request built from it grades in the sandbox
// database exactly as `questline grade` does from the folder.
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, GradingExerciseRepository, importPack, runMigrationsLocked } from '@questline/data';
import { gradeSource, loadExercise, loadPack } from '@questline/exercise-format';
import { buildGradeRequest, createGrader, type Grader } from '@questline/sandbox';
import { createTestDatabase, type TestDatabase } from '../fixtures/database';

const PACK = path.resolve(__dirname, '..', '..', 'exercises', 'backend-roadmap');
const EXERCISE = path.join(PACK, 'databases', 'select-where');

let db: TestDatabase;
let sandboxDb: TestDatabase;
let dataSource: DataSource;
let grader: Grader;

beforeAll(async () => {
  db = await createTestDatabase('ql_sql_pipeline');
  sandboxDb = await createTestDatabase('ql_sbx');
  dataSource = await new DataSource(buildDataSourceOptions({ databaseUrl: db.url })).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.transaction((m) => importPack(m, loadPack(PACK), { ownerId: null }));
  grader = createGrader({ poolSize: 1, sqlDatabaseUrl: sandboxDb.url });
});

afterAll(async () => {
  await grader?.close();
  await dataSource?.destroy();
  await db?.drop();
  await sandboxDb?.drop();
});

it('an imported SQL exercise grades from the database as from its folder', async () => {
  const [{ id }]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM exercises WHERE slug = 'select-where'`);
  const stored = await new GradingExerciseRepository(dataSource).find(id);
  expect(stored).toMatchObject({
    language: 'sql',
    fileName: 'query.sql',
    database: { setup: fs.readFileSync(path.join(EXERCISE, 'schema.sql'), 'utf8') },
  });

  const folder = loadExercise(EXERCISE);
  const solution = folder.solution.code;
  const fromDb = buildGradeRequest(stored!, solution, { includeHidden: true });
  expect(fromDb).toEqual(buildGradeRequest(gradeSource(folder), solution, { includeHidden: true }));
  expect((await grader.grade(fromDb)).verdict).toBe('passed');
  const starter = await grader.grade(buildGradeRequest(stored!, folder.starter.code, { includeHidden: true }));
  expect(starter.verdict).toBe('failed');
  expect(starter.tests[0]!.message).toContain('The columns differ');
  // The same comparison as data, for the web's two tables.
  expect(starter.tests[0]!.rows).toEqual({
    problem: expect.stringContaining('The columns differ'),
    ordered: true,
    expected: {
      columns: ['name', 'price'],
      rows: [
        ['Mouse', '19.5'],
        ['Keyboard', '49'],
        ['Webcam', '59'],
      ],
      rowCount: 3,
    },
    received: expect.objectContaining({ columns: ['id', 'name', 'category', 'price', 'in_stock'] }),
  });
  expect(starter.tests[0]!.rows!.received.rowCount).toBeGreaterThan(3);
});

it('the schema learners see is parsed from schema.sql at import, with its tables and columns', async () => {
  const [{ database_schema }]: Array<{ database_schema: unknown }> = await dataSource.query(
    `SELECT database_schema FROM exercises WHERE slug = 'joins'`,
  );
  expect(database_schema).toEqual([
    { name: 'customers', columns: expect.arrayContaining([{ name: 'city', type: 'text' }]) },
    {
      name: 'orders',
      columns: [
        { name: 'id', type: 'int' },
        { name: 'customer_id', type: 'int' },
        { name: 'total', type: 'numeric(8, 2)' },
        { name: 'placed_on', type: 'date' },
      ],
    },
  ]);
  const [{ database_schema: none }]: Array<{ database_schema: unknown }> = await dataSource.query(
    `SELECT database_schema FROM exercises WHERE slug = 'two-sum'`,
  );
  expect(none).toBeNull();
});

it('JavaScript exercises have no database', async () => {
  const [{ id }]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM exercises WHERE slug = 'two-sum'`);
  expect(await new GradingExerciseRepository(dataSource).find(id)).not.toHaveProperty('database');
});
