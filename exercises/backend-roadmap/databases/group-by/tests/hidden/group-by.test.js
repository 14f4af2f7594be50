import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('exactly 50 is not more than 50; many small orders add up', async () => {
     await db.query("INSERT INTO orders VALUES (20, 3, 30.00, '2026-03-05'), (21, 4, 50.00, '2026-03-06')");
     expectRows(await db.query(query), [
       { name: 'Ada', orders: 3, spent: 200 },
       { name: 'Grace', orders: 1, spent: 75.5 },
     ]);
     await db.query("INSERT INTO orders VALUES (22, 3, 0.01, '2026-03-07')");
     expectRows(await db.query(query), [
       { name: 'Ada', orders: 3, spent: 200 },
       { name: 'Grace', orders: 1, spent: 75.5 },
       { name: 'Linus', orders: 4, spent: 50.01 },
     ]);
   });
