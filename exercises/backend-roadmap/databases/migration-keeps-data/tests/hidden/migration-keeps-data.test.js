import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   beforeEach(() => db.query('BEGIN'));
   afterEach(() => db.query('ROLLBACK'));

   test('full_name is gone and the new columns are required', async () => {
     await db.query(query);
     expectRows(
       await db.query("SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name"),
       [
         { column_name: 'email', is_nullable: 'NO' },
         { column_name: 'first_name', is_nullable: 'NO' },
         { column_name: 'id', is_nullable: 'NO' },
         { column_name: 'last_name', is_nullable: 'NO' },
       ],
     );
     await expect(db.query("INSERT INTO users (first_name, email) VALUES ('X', 'x@example.com')")).rejects.toThrow(/null value/);
   });

   test('new users can still be added, with a new id', async () => {
     await db.query(query);
     const { rows } = await db.query("INSERT INTO users (first_name, last_name, email) VALUES ('Edsger', 'Dijkstra', 'e@example.com') RETURNING id");
     expect(rows[0].id).toBeGreaterThan(3);
     expectRows(await db.query('SELECT count(*) AS n FROM users'), [{ n: 4 }]);
   });
