CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(10, 2) NOT NULL CHECK (balance >= 0));
INSERT INTO accounts VALUES (1, 'Ada', 500.00), (2, 'Grace', 300.00), (3, 'Linus', 200.00);
