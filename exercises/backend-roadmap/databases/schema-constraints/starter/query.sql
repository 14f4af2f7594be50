CREATE TABLE bookings (
  id serial PRIMARY KEY,
  room_id int,
  guest_email text,
  starts_on date,
  ends_on date,
  reference text
);
