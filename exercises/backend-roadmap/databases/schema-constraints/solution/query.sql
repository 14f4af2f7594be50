CREATE TABLE bookings (
  id serial PRIMARY KEY,
  room_id int NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  guest_email text NOT NULL CHECK (guest_email LIKE '%@%'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reference text NOT NULL UNIQUE,
  CHECK (ends_on >= starts_on)
);
