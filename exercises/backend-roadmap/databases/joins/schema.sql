CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text, phone text);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  total numeric(8, 2) NOT NULL,
  placed_on date NOT NULL
);
INSERT INTO customers VALUES
  (1, 'Ada', 'London', '555-0101'),
  (2, 'Grace', 'New York', NULL),
  (3, 'Linus', 'Helsinki', '555-0103'),
  (4, 'Barbara', NULL, NULL);
INSERT INTO orders VALUES
  (10, 1, 120.00, '2026-01-05'),
  (11, 1, 30.00, '2026-02-11'),
  (12, 2, 75.50, '2026-02-12'),
  (13, 3, 12.00, '2026-03-01'),
  (14, 1, 50.00, '2026-03-02'),
  (15, 3, 8.00, '2026-03-04');
