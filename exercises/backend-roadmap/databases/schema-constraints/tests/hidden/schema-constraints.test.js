import { db, expectRows } from '@questline/sql';
import query from './query.sql';

   const good = "INSERT INTO bookings (room_id, guest_email, starts_on, ends_on, reference) VALUES ";

   // Each test starts from the seed rooms and your freshly created table.
   beforeEach(async () => {
     await db.query("DROP TABLE IF EXISTS bookings; DELETE FROM rooms; INSERT INTO rooms VALUES (1, 'Blue'), (2, 'Green')");
     await db.query(query);
   });

   test('references are unique; a one-night stay and same-day stays are fine', async () => {
     await db.query(good + "(1, 'ada@example.com', '2026-05-01', '2026-05-01', 'B-1')");
     await expect(db.query(good + "(2, 'bob@example.com', '2026-06-01', '2026-06-02', 'B-1')")).rejects.toThrow(/unique/);
     await expect(db.query(good + "(2, 'bob@example.com', '2026-06-01', '2026-06-02', NULL)")).rejects.toThrow(/null value/);
     await expect(db.query(good + "(NULL, 'bob@example.com', '2026-06-01', '2026-06-02', 'B-3')")).rejects.toThrow(/null value/);
     await expect(db.query(good + "(2, 'bob@example.com', NULL, '2026-06-02', 'B-4')")).rejects.toThrow(/null value/);
     await expect(db.query(good + "(2, 'bob@example.com', '2026-06-01', NULL, 'B-5')")).rejects.toThrow(/null value/);
   });

   test("deleting a room deletes its bookings", async () => {
     await db.query(good + "(1, 'ada@example.com', '2026-05-01', '2026-05-02', 'B-1'), (2, 'bob@example.com', '2026-05-01', '2026-05-02', 'B-2')");
     await db.query('DELETE FROM rooms WHERE id = 1');
     expectRows(await db.query('SELECT reference FROM bookings'), [{ reference: 'B-2' }]);
   });
