CREATE TABLE employees (id int PRIMARY KEY, name text NOT NULL, department text NOT NULL, salary int NOT NULL);
INSERT INTO employees VALUES
  (1, 'Ada', 'engineering', 9000),
  (2, 'Linus', 'engineering', 8500),
  (3, 'Grace', 'engineering', 9000),
  (4, 'Margaret', 'research', 9500),
  (5, 'Alan', 'research', 7000),
  (6, 'Joan', 'sales', 6000);
