CREATE TABLE users (id serial PRIMARY KEY, full_name text NOT NULL, email text NOT NULL UNIQUE);
INSERT INTO users (full_name, email) VALUES
  ('Ada Lovelace', 'ada@example.com'),
  ('Grace Brewster Hopper', 'grace@example.com'),
  ('Alan Turing', 'alan@example.com');
