import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   beforeEach(() => db.query('BEGIN'));
   afterEach(() => db.query('ROLLBACK'));

   test('the names are split and every row is kept', async () => {
     await db.query(query);
     expectRows(await db.query('SELECT id, first_name, last_name, email FROM users ORDER BY id'), [
       { id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
       { id: 2, first_name: 'Grace', last_name: 'Brewster Hopper', email: 'grace@example.com' },
       { id: 3, first_name: 'Alan', last_name: 'Turing', email: 'alan@example.com' },
     ]);
   });
