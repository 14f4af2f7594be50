import { db, expectRows } from '@questline/sql';
import query from './query.sql';

// Back to the seed before each test: the other session's commits must not leak into the next test.
const RESET = "ROLLBACK; TRUNCATE accounts; INSERT INTO accounts VALUES (1, 'Ada', 500.00), (2, 'Grace', 300.00), (3, 'Linus', 200.00)";

   let other;
   beforeAll(async () => {
     other = await db.session();
   });
   beforeEach(() => db.query(RESET));

   test('the transaction is still open after your SQL, and sees no committed update', async () => {
     await db.query(query);
     await other.query('UPDATE accounts SET balance = balance - 100 WHERE id = 1');
     expectRows(await db.query('SELECT balance FROM accounts WHERE id = 1'), [{ balance: 500 }]);
     await db.query('COMMIT');
     expectRows(await db.query('SELECT balance FROM accounts WHERE id = 1'), [{ balance: 400 }]);
   });

   test('the report cannot be changed by its own session by accident: the total is right', async () => {
     expectRows(await db.query(query), [{ total: 1000 }]);
     await db.query('ROLLBACK');
   });
