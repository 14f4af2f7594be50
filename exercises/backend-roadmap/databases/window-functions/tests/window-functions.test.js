import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('the two best paid per department, ties sharing a rank', async () => {
     expectRows(await db.query(query), [
       { department: 'engineering', name: 'Ada', salary: 9000, rank: 1 },
       { department: 'engineering', name: 'Grace', salary: 9000, rank: 1 },
       { department: 'research', name: 'Margaret', salary: 9500, rank: 1 },
       { department: 'research', name: 'Alan', salary: 7000, rank: 2 },
       { department: 'sales', name: 'Joan', salary: 6000, rank: 1 },
     ]);
   });
