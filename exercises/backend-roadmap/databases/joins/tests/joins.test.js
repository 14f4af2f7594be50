import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('every customer, with their orders', async () => {
     expectRows(await db.query(query), [
       { name: 'Ada', order_id: 10, total: 120 },
       { name: 'Ada', order_id: 11, total: 30 },
       { name: 'Ada', order_id: 14, total: 50 },
       { name: 'Barbara', order_id: null, total: null },
       { name: 'Grace', order_id: 12, total: 75.5 },
       { name: 'Linus', order_id: 13, total: 12 },
       { name: 'Linus', order_id: 15, total: 8 },
     ]);
   });
