import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   const good = "INSERT INTO bookings (room_id, guest_email, starts_on, ends_on, reference) VALUES ";

   // Each test starts from the seed rooms and your freshly created table.
   beforeEach(async () => {
     await db.query("DROP TABLE IF EXISTS bookings; DELETE FROM rooms; INSERT INTO rooms VALUES (1, 'Blue'), (2, 'Green')");
     await db.query(query);
   });

   test('a good booking is stored', async () => {
     await db.query(good + "(1, 'ada@example.com', '2026-05-01', '2026-05-03', 'B-1')");
     expectRows(await db.query('SELECT room_id, reference FROM bookings'), [{ room_id: 1, reference: 'B-1' }]);
   });

   test.each([
     ['an unknown room', "(9, 'ada@example.com', '2026-05-01', '2026-05-03', 'B-2')", /foreign key/],
     ['a missing email', "(1, NULL, '2026-05-01', '2026-05-03', 'B-2')", /null value/],
     ['an email without @', "(1, 'ada.example.com', '2026-05-01', '2026-05-03', 'B-2')", /check constraint/],
     ['a stay that ends before it starts', "(1, 'ada@example.com', '2026-05-03', '2026-05-01', 'B-2')", /check constraint/],
   ])('refuses %s', async (_name, values, error) => {
     await expect(db.query(good + values)).rejects.toThrow(error);
   });
