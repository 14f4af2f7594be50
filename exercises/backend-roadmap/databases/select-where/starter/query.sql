SELECT * FROM products;
