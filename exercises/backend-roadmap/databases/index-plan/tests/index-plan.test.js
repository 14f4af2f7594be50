import { db } from '@questline/sql';
   import ddl from './query.sql';

   const PAGE = 'SELECT id, kind, created_at FROM events WHERE user_id = 42 ORDER BY created_at DESC LIMIT 20';

   beforeEach(() => db.query('BEGIN'));
   afterEach(() => db.query('ROLLBACK'));

   test('the page is read through an index', async () => {
     await db.query(ddl);
     const plan = await db.explain(PAGE);
     if (!plan.usesIndexOn('events')) throw new Error(`Expected an index scan on events; the plan is:\n${plan.text}`);
   });
