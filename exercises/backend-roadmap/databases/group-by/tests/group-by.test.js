import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('customers who spent more than 50', async () => {
     expectRows(await db.query(query), [
       { name: 'Ada', orders: 3, spent: 200 },
       { name: 'Grace', orders: 1, spent: 75.5 },
     ]);
   });
