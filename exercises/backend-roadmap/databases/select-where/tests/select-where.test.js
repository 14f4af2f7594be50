import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   test('affordable hardware in stock, cheapest first', async () => {
     expectRows(await db.query(query), [
       { name: 'Mouse', price: 19.5 },
       { name: 'Keyboard', price: 49 },
       { name: 'Webcam', price: 59 },
     ]);
   });
