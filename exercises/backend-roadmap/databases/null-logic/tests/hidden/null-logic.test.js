import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('an empty phone string is a phone; a new customer without one is listed', async () => {
     await db.query("INSERT INTO customers VALUES (5, 'Alan', NULL, ''), (6, 'Edsger', 'Austin', NULL)");
     await db.query("INSERT INTO orders VALUES (20, 2, 10.00, '2026-04-01')");
     expectRows(await db.query(query), [
       { name: 'Barbara', city: 'unknown', has_orders: false },
       { name: 'Edsger', city: 'Austin', has_orders: false },
       { name: 'Grace', city: 'New York', has_orders: true },
     ]);
   });
