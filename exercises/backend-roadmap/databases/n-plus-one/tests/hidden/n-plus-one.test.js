import { db } from '@questline/sql';
   import { recentOrders } from './orders';

   test('still one query with a hundred more orders', async () => {
     await db.query("INSERT INTO orders SELECT 100 + g, 1 + g % 4, g, '2026-04-01' FROM generate_series(1, 100) g");
     const handle = { queries: 0, query: (sql, params) => { handle.queries++; return db.query(sql, params); } };
     const orders = await recentOrders(handle);
     expect(orders).toHaveLength(106);
     expect(orders[106 - 1]).toEqual({ id: 200, total: 100, customer: 'Ada' });
     expect(handle.queries).toBe(1);
   });
