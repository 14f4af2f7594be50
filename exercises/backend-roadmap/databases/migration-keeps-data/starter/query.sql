ALTER TABLE users ADD COLUMN first_name text;
