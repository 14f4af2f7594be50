SELECT name, price FROM products WHERE category = 'hardware' AND in_stock AND price > 10 AND price < 100 ORDER BY price;
