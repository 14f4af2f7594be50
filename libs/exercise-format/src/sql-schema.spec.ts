import { parseSqlSchema } from './sql-schema';

describe('parseSqlSchema', () => {
  test('tables and columns with their declared types, constraints left out', () => {
    const tables = parseSqlSchema(`
      -- customers; and orders (a comment with ; and , inside)
      CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text, phone text);
      CREATE TABLE IF NOT EXISTS public."Orders" (
        id int PRIMARY KEY,
        customer_id int NOT NULL REFERENCES customers (id),
        total numeric(8, 2) NOT NULL CHECK (total >= 0),
        note text DEFAULT 'a, b; c',
        placed_on date NOT NULL,
        CONSTRAINT orders_total_positive CHECK (total > 0),
        UNIQUE (customer_id, placed_on)
      );
      INSERT INTO customers VALUES (1, 'CREATE TABLE ghosts (id int);', NULL, NULL);
    `);
    expect(tables).toEqual([
      {
        name: 'customers',
        columns: [
          { name: 'id', type: 'int' },
          { name: 'name', type: 'text' },
          { name: 'city', type: 'text' },
          { name: 'phone', type: 'text' },
        ],
      },
      {
        name: 'Orders',
        columns: [
          { name: 'id', type: 'int' },
          { name: 'customer_id', type: 'int' },
          { name: 'total', type: 'numeric(8, 2)' },
          { name: 'note', type: 'text' },
          { name: 'placed_on', type: 'date' },
        ],
      },
    ]);
  });

  test('ALTER TABLE adds, drops and renames columns; DROP TABLE removes a table', () => {
    const tables = parseSqlSchema(`
      CREATE TABLE users (id serial PRIMARY KEY, full_name text NOT NULL, email text NOT NULL UNIQUE);
      CREATE TABLE scratch (x int);
      ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(), DROP COLUMN email;
      ALTER TABLE ONLY users RENAME COLUMN full_name TO name;
      ALTER TABLE users ADD CONSTRAINT users_name UNIQUE (name);
      DROP TABLE IF EXISTS scratch CASCADE;
      CREATE FUNCTION f() RETURNS int AS $$ CREATE TABLE nope (id int); $$ LANGUAGE sql;
    `);
    expect(tables).toEqual([
      {
        name: 'users',
        columns: [
          { name: 'id', type: 'serial' },
          { name: 'name', type: 'text' },
          { name: 'created_at', type: 'timestamptz' },
        ],
      },
    ]);
  });

  test('no tables, or text it cannot read, is an empty schema rather than an error', () => {
    expect(parseSqlSchema('')).toEqual([]);
    expect(parseSqlSchema('CREATE TABLE broken (id int')).toEqual([]);
    expect(parseSqlSchema("SELECT 1; CREATE INDEX ON t (x); '")).toEqual([]);
  });
});
