CREATE TABLE products (
  id int PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  price numeric(8, 2) NOT NULL,
  in_stock boolean NOT NULL
);
INSERT INTO products VALUES
  (1, 'Keyboard', 'hardware', 49.00, true),
  (2, 'Mouse', 'hardware', 19.50, true),
  (3, 'Monitor', 'hardware', 189.00, false),
  (4, 'IDE licence', 'software', 89.00, true),
  (5, 'USB cable', 'hardware', 5.00, true),
  (6, 'Antivirus', 'software', 29.00, true),
  (7, 'Webcam', 'hardware', 59.00, true),
  (8, 'Desk', 'furniture', 240.00, true),
  (9, 'Headset', 'hardware', 39.00, false);
