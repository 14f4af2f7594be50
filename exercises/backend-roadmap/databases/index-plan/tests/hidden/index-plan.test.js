import { db, expectRows } from '@questline/sql';
   import ddl from './query.sql';

   const PAGE = 'SELECT id, kind, created_at FROM events WHERE user_id = 42 ORDER BY created_at DESC LIMIT 20';

   beforeEach(() => db.query('BEGIN'));
   afterEach(() => db.query('ROLLBACK'));

   test('no sort: the index gives the order', async () => {
     await db.query(ddl);
     const plan = await db.explain(PAGE);
     if (plan.uses('Sort') || plan.uses('Incremental Sort')) throw new Error(`Expected no Sort step; the plan is:\n${plan.text}`);
     expect(plan.usesIndexOn('events')).toBe(true);
   });

   test('the index leads with user_id, then created_at', async () => {
     await db.query(ddl);
     const { rows } = await db.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'events' AND indexdef LIKE '%(user_id, created_at%'");
     expect(rows).toHaveLength(1);
   });

   test('the data is untouched', async () => {
     await db.query(ddl);
     expectRows(await db.query('SELECT count(*) AS n FROM events'), [{ n: 10000 }]);
   });
