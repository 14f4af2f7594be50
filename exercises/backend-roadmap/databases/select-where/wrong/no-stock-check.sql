SELECT name, price FROM products WHERE category = 'hardware' AND price BETWEEN 10 AND 100 ORDER BY price;
