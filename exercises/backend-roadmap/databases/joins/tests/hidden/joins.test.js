import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('a new customer without orders appears once', async () => {
     await db.query("INSERT INTO customers VALUES (5, 'Alan', 'Manchester', NULL)");
     const result = await db.query(query);
     expectRows(result.rows.filter((r) => r.name === 'Alan'), [{ name: 'Alan', order_id: null, total: null }]);
     expect(result.rowCount).toBe(8);
   });
