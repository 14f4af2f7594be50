CREATE TABLE rooms (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO rooms VALUES (1, 'Blue'), (2, 'Green');
