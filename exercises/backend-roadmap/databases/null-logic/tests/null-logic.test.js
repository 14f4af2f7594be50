import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('customers without a phone, city or unknown, and whether they ordered', async () => {
     expectRows(await db.query(query), [
       { name: 'Barbara', city: 'unknown', has_orders: false },
       { name: 'Grace', city: 'New York', has_orders: true },
     ]);
   });
