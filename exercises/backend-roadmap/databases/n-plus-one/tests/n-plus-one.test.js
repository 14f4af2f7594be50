import { db } from '@questline/sql';
   import { recentOrders } from './orders';

   function counting() {
     const handle = { queries: 0, query: (sql, params) => { handle.queries++; return db.query(sql, params); } };
     return handle;
   }

   test('the orders with their customers, by id', async () => {
     expect(await recentOrders(counting())).toEqual([
       { id: 10, total: 120, customer: 'Ada' },
       { id: 11, total: 30, customer: 'Ada' },
       { id: 12, total: 75.5, customer: 'Grace' },
       { id: 13, total: 12, customer: 'Linus' },
       { id: 14, total: 50, customer: 'Ada' },
       { id: 15, total: 8, customer: 'Linus' },
     ]);
   });

   test('one query, however many orders', async () => {
     const handle = counting();
     await recentOrders(handle);
     expect(handle.queries).toBe(1);
   });
