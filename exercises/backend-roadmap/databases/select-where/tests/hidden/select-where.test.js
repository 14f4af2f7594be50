import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('the bounds are included and new rows count', async () => {
     await db.query("INSERT INTO products VALUES (20, 'Hub', 'hardware', 10.00, true), (21, 'Dock', 'hardware', 100.00, true), (22, 'Dongle', 'hardware', 9.99, true), (23, 'Pad', 'hardware', 100.01, true)");
     expectRows(await db.query(query), [
       { name: 'Hub', price: 10 },
       { name: 'Mouse', price: 19.5 },
       { name: 'Keyboard', price: 49 },
       { name: 'Webcam', price: 59 },
       { name: 'Dock', price: 100 },
     ]);
   });
