import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('without ties, the second place is listed', async () => {
     await db.query("UPDATE employees SET salary = 8000 WHERE name = 'Grace'");
     const result = await db.query(query);
     expectRows(result.rows.filter((r) => r.department === 'engineering'), [
       { department: 'engineering', name: 'Ada', salary: 9000, rank: 1 },
       { department: 'engineering', name: 'Linus', salary: 8500, rank: 2 },
     ]);
   });
