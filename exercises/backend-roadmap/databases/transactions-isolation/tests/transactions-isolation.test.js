import { db, expectRows } from '@questline/sql';
import query from './query.sql';

// Back to the seed before each test: the other session's commits must not leak into the next test.
const RESET = "ROLLBACK; TRUNCATE accounts; INSERT INTO accounts VALUES (1, 'Ada', 500.00), (2, 'Grace', 300.00), (3, 'Linus', 200.00)";

   let other;
   beforeAll(async () => {
     other = await db.session();
   });
   beforeEach(() => db.query(RESET));

   test('the report keeps its snapshot while another session commits', async () => {
     expectRows(await db.query(query), [{ total: 1000 }]);
     await other.query("INSERT INTO accounts VALUES (4, 'Alan', 250.00)");
     expectRows(await db.query('SELECT sum(balance) AS total FROM accounts'), [{ total: 1000 }]);
     await db.query('COMMIT');
     expectRows(await db.query('SELECT sum(balance) AS total FROM accounts'), [{ total: 1250 }]);
   });
